import JixiaoCLI

JixiaoCommand.main()
