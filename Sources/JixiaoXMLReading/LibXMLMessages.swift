/// Chinese for libxml2's parser messages (the schema validator's are translated beside the export schema,
/// where its types are known). One table, used by every reader.
package enum LibXMLMessages {
    /// The Chinese for one English parser message, or nil when it is not a known kind.
    package static func chinese(_ english: String) -> String? {
        table.first { english.contains($0.0) }?.1
    }

    private static let table: [(String, String)] = [
        ("Detected an entity reference loop", "实体引用循环或过度膨胀（疑似“实体炸弹”），拒绝读取"),
        ("Maximum entity amplification", "实体过度膨胀（疑似“实体炸弹”），拒绝读取"),
        ("Excessive depth in document", "元素嵌套层数过多，拒绝读取"),
        ("huge text node", "单个文本过长（超过 10 MB），拒绝读取"),
        ("Huge input lookup", "单个标记或文本过长，拒绝读取"),
        ("Memory allocation failed", "内存不足，无法读取"),
        ("Opening and ending tag mismatch", "开始标签与结束标签不匹配"),
        ("Premature end of data", "文件在元素结束之前就结束了（文件不完整？）"),
        ("Extra content at the end of the document", "根元素之后还有多余内容"),
        ("Start tag expected", "找不到开始标签（不是 XML 文件？）"),
        ("Document is empty", "文件为空"),
        ("Entity '", "使用了未声明的实体"),
        ("PCDATA invalid Char value", "含有 XML 不允许的控制字符"),
        ("invalid Char value", "含有 XML 不允许的字符"),
        ("Input is not proper UTF-8", "不是有效的 UTF-8 编码"),
        ("Couldn't find end of Start Tag", "开始标签没有正确结束"),
        ("redefined", "属性重复定义"),
        ("attributes construct error", "属性写法错误"),
        ("AttValue:", "属性值缺少引号"),
        ("Specification mandates value for attribute", "属性缺少值（应写作 名称=\"值\"）"),
        ("Unescaped '<' not allowed in attributes values", "属性值中不能有未转义的“<”"),
        ("Comment not terminated", "注释没有结束"),
        ("CData section not finished", "CDATA 段没有结束"),
        ("xmlns", "命名空间声明错误"),
        ("Namespace prefix", "使用了未声明的命名空间前缀"),
        ("failed to load external entity", "拒绝加载外部实体或外部文件"),
        ("StartTag: invalid element name", "元素名无效"),
        ("EntityRef: expecting ';'", "“&”后缺少实体名或“;”（文字中的 & 应写作 &amp;）"),
        ("XML declaration allowed only at the start", "XML 声明只能位于文件开头"),
        ("Char 0x0 out of allowed range", "含有空字符（0x00）"),
    ]
}
