import Foundation
import JixiaoCore
import JixiaoFormats
import JixiaoImport
import Testing

/// A document of another unit, year and layout than the seeds (national captions, a 成本 一级 with the
/// central frame's 经济成本指标, a 定性值情况说明 column, 其中 rows of other fund sources, the 分值 sum in
/// the 总分 row, a 目标申报表 without 实施期 columns in the funds header), written for these tests.
@Suite struct OtherLayoutTests {
    static let document = """
        某县交通运输局2024年度部门决算公开
        （三）项目支出绩效自评情况

        农村公路养护工程项目支出绩效自评表
        （2024年度）
        金额单位：万元
        项目名称\t农村公路养护工程
        主管部门\t301-某县交通运输局\t\t实施单位\t某县公路养护中心
        项目资金（万元）\t\t年初预算数\t全年预算数\t全年执行数\t执行率\t得分\t偏差原因分析及改进措施
        \t年度资金总额\t120.50\t120.50\t110.00\t91.29\t9.13\t部分工程延期至次年
        \t其中：当年财政拨款\t100.00\t100.00\t90.00\t90.00\t9.00\t
        \t上年结转资金\t20.50\t20.50\t20.00\t97.56\t9.76\t
        \t其他资金\t\t\t\t\t\t
        年度总体目标\t预期目标\t\t实际完成情况
        \t完成农村公路养护300公里\t\t完成养护280公里，路况明显改善
        绩效指标\t一级指标\t二级指标\t三级指标\t年度指标值\t实际完成值\t定性值情况说明\t分值\t得分\t偏差原因分析及改进措施
        \t产出指标\t数量指标\t养护里程\t≥300公里\t280公里\t\t20\t18.67\t雨季影响工期
        \t\t质量指标\t路况优良率\t≥85%\t88%\t\t15\t15\t
        - 7 -
        \t成本指标\t经济成本指标\t每公里养护成本\t≤4000元\t3929元\t\t10\t10\t
        \t效益指标\t社会效益指标\t群众出行便利度\t明显提升\t达成年度指标\t出行时间平均缩短10分钟\t20\t20\t
        \t\t可持续影响指标\t道路使用寿命\t延长\t达成年度指标\t\t15\t15\t
        \t满意度指标\t服务对象满意度指标\t沿线群众满意度\t≥90%\t93%\t\t10\t10\t
        总分\t\t\t\t\t\t\t90\t97.80\t优
        说明：本表由单位自评，结果已报县财政局。

        农村公路养护工程项目支出绩效目标申报表
        （2025年度）
        项目名称\t农村公路养护工程
        主管部门及代码\t301-某县交通运输局\t实施单位\t某县公路养护中心
        项目属性\t经常性项目\t项目期\t1年
        项目资金（元）\t实施期资金总额：\t1,205,000.00\t年度资金总额：\t1,205,000.00
        \t其中：中央财政资金\t\t其中：中央财政资金\t
        \t省级财政资金\t200,000.00\t省级财政资金\t200,000.00
        \t市县(区)财政资金\t1,005,000.00\t市县(区)财政资金\t1,005,000.00
        \t单位自筹\t\t单位自筹\t
        \t其他资金\t\t其他资金\t
        总体目标\t实施期目标\t年度目标
        \t完成全县农村公路养护\t完成养护300公里
        绩效指标\t一级指标\t二级指标\t三级指标\t指标值\t二级指标\t三级指标\t指标值
        \t产出指标\t数量指标\t养护里程\t≥300公里\t数量指标\t养护里程\t≥300公里
        \t\t质量指标\t路况优良率\t≥85%\t质量指标\t路况优良率\t≥85%
        仅供内部审核
        \t效益指标\t社会效益指标\t群众出行便利度\t明显提升\t社会效益指标\t群众出行便利度\t明显提升
        \t满意度指标\t服务对象满意度指标\t沿线群众满意度\t≥90%\t服务对象满意度指标\t沿线群众满意度\t≥90%
        填报日期：\t20250110093000
        """

    @Test func selfEvaluationOfAnotherLayout() throws {
        let result = try Importing.document(OtherLayoutTests.document, name: "某县.txt")
        #expect(result.forms.count == 2)
        let imported = try #require(result.forms.first)
        let form = try #require(imported.form.selfEvaluation)
        #expect(imported.lines == 4...24)
        #expect(form.year == 2024)
        #expect(form.department.code == "301")
        #expect(form.agency.text == "")
        #expect(form.implementingAgency == "某县公路养护中心")
        #expect(form.funds.total.declared == "120.50" && form.funds.total.compiled == "")
        #expect(form.funds.total.score == "9.13")
        #expect(form.funds.total.deviation == "部分工程延期至次年")
        #expect(form.funds.sources.map(\.source) == ["当年财政拨款", "上年结转资金", "其他资金"])
        #expect(form.funds.sources[2].executed == "" && form.funds.sources[2].deviation == "")
        #expect(form.funds.sources[1].rate == "97.56")
        #expect(form.goals.annual == "完成农村公路养护300公里")
        #expect(form.goals.completion == "完成养护280公里，路况明显改善")
        #expect(form.indicators.count == 6)
        #expect(form.indicators.map(\.level1) == ["产出指标", "产出指标", "成本指标", "效益指标", "效益指标", "满意度指标"])
        #expect(form.indicators.map(\.level2) == ["数量指标", "质量指标", "经济成本指标", "社会效益指标", "可持续影响指标", "服务对象满意度指标"])
        #expect(form.indicators[0].initialTarget.text == "" && form.indicators[0].adjustedTarget.text == "≥300公里")
        #expect(form.indicators[0].actual.text == "280公里")
        #expect(form.indicators[0].score == "18.67" && form.indicators[0].deviation == "雨季影响工期")
        #expect(form.indicators[3].qualitativeNote == "出行时间平均缩短10分钟")
        #expect(form.indicators[4].qualitativeNote == "")
        #expect(form.printedTotal == "97.80" && form.printedGrade == "优")
        #expect(form.lines["indicators[2].level2"] == 20)
        // The 分值 sum printed in the 总分 row, before the total.
        #expect(form.printedWeightTotal == "90" && form.lines["totalWeight"] == 24)
        #expect(result.unreadable.isEmpty, "\(result.unreadable)")
    }

    @Test func targetTableOfAnotherLayout() throws {
        let result = try Importing.document(OtherLayoutTests.document, name: "某县.txt")
        let imported = try #require(result.forms.last)
        let table = try #require(imported.form.targetTable)
        #expect(imported.lines == 27...46)
        #expect(table.year == 2025)
        #expect(table.nature == "经常性项目" && table.period == "1年")
        #expect(table.funds.period?.total == "1,205,000.00")
        #expect(table.funds.annual.amount("市县(区)财政资金") == "1,005,000.00")
        #expect(table.funds.period?.amount("中央财政资金") == "" && table.funds.annual.amount("单位自筹") == "")
        #expect(table.goals.period == "完成全县农村公路养护" && table.goals.annual == "完成养护300公里")
        #expect(table.indicators.period?.map(\.name) == ["养护里程", "路况优良率", "群众出行便利度", "沿线群众满意度"])
        #expect(table.indicators.annual.map(\.level2) == ["数量指标", "质量指标", "社会效益指标", "服务对象满意度指标"])
        #expect(table.indicators.period?.map { $0.level1 ?? "" } == ["产出指标", "产出指标", "效益指标", "满意度指标"])
        #expect(table.footer.filledAt == "20250110093000")
        #expect(table.lines["indicators.annual[2].value"] == 44)
    }
}
