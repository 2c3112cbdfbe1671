/// Everything the route handlers use, built once per application.
struct Services: Sendable {
    let store: any FormStore
    let configuration: ServerConfiguration
    let forms: FormService
    let review: ReviewService
    let admin: AdminService
    let accounts: AccountService

    init(store: any FormStore, configuration: ServerConfiguration, hasher: PasswordHasher) {
        self.store = store
        self.configuration = configuration
        forms = FormService(store: store, policy: configuration.policy)
        review = ReviewService(
            store: store, policy: configuration.policy, exportDirectory: configuration.exportDirectory)
        admin = AdminService(store: store, hasher: hasher)
        accounts = AccountService(
            store: store, hasher: hasher, throttle: configuration.throttle, sessions: configuration.sessions)
    }
}
