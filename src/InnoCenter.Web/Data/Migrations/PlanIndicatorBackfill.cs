namespace InnoCenter.Web.Data.Migrations;

/// <summary>
/// The data step of the <c>PlanImplementation</c> migration (both providers): a planned indicator stored as free text
/// before indicators could name a ledger figure is linked to the figure whose name it carries — the figure's Chinese
/// label with or without its unit, or with 数/数量/量 after it, or its English label in any case — and stays a free
/// indicator otherwise; its name, unit and targets are kept as they are. The names are frozen here as they were when
/// the migration was written, so that renaming a label later does not change what an upgrade does.
/// </summary>
public static class PlanIndicatorBackfill
{
    private static readonly (string Figure, string[] Chinese, string English)[] Names =
    [
        ("ip.invention_applications", ["发明专利申请（项）", "发明专利申请", "发明专利申请(项)", "发明专利申请数", "发明专利申请数量", "发明专利申请量"], "invention applications"),
        ("ip.invention_grants", ["发明专利授权（项）", "发明专利授权", "发明专利授权(项)", "发明专利授权数", "发明专利授权数量", "发明专利授权量"], "invention grants"),
        ("ip.pct_applications", ["PCT 申请（项）", "PCT 申请", "PCT 申请(项)", "PCT 申请数", "PCT 申请数量", "PCT 申请量", "PCT申请", "PCT申请数", "PCT申请数量", "PCT申请量"], "pct applications"),
        ("ip.utility_models", ["实用新型（项）", "实用新型", "实用新型(项)", "实用新型数", "实用新型数量", "实用新型量"], "utility models"),
        ("ip.software_copyrights", ["软件著作权（项）", "软件著作权", "软件著作权(项)", "软件著作权数", "软件著作权数量", "软件著作权量"], "software copyrights"),
        ("projects.total", ["研发项目（项）", "研发项目", "研发项目(项)", "研发项目数", "研发项目数量", "研发项目量"], "r&d projects"),
        ("projects.common_key_breakthroughs", ["共性关键技术突破（项）", "共性关键技术突破", "共性关键技术突破(项)", "共性关键技术突破数", "共性关键技术突破数量", "共性关键技术突破量"], "common key technology breakthroughs"),
        ("transfer.deals", ["成果转化（项）", "成果转化", "成果转化(项)", "成果转化数", "成果转化数量", "成果转化量"], "transfer deals"),
        ("transfer.contract_value_wan", ["转化合同金额（万元）", "转化合同金额", "转化合同金额(万元)", "转化合同金额数", "转化合同金额数量", "转化合同金额量"], "contract value (10k yuan)"),
        ("transfer.revenue_wan", ["转化到账收入（万元）", "转化到账收入", "转化到账收入(万元)", "转化到账收入数", "转化到账收入数量", "转化到账收入量"], "revenue received (10k yuan)"),
        ("transfer.sme_deals", ["面向中小企业的转化（项）", "面向中小企业的转化", "面向中小企业的转化(项)", "面向中小企业的转化数", "面向中小企业的转化数量", "面向中小企业的转化量"], "deals with smes"),
        ("transfer.first_commercial", ["首次商业化应用（项）", "首次商业化应用", "首次商业化应用(项)", "首次商业化应用数", "首次商业化应用数量", "首次商业化应用量"], "first commercial applications"),
        ("incubated.enterprises", ["孵化企业（家）", "孵化企业", "孵化企业(家)", "孵化企业数", "孵化企业数量", "孵化企业量"], "incubated enterprises"),
        ("sme.served", ["服务中小企业（家）", "服务中小企业", "服务中小企业(家)", "服务中小企业数", "服务中小企业数量", "服务中小企业量"], "smes served"),
        ("standards.international", ["国际标准（项）", "国际标准", "国际标准(项)", "国际标准数", "国际标准数量", "国际标准量"], "international standards"),
        ("standards.national", ["国家标准（项）", "国家标准", "国家标准(项)", "国家标准数", "国家标准数量", "国家标准量"], "national standards"),
        ("standards.industry", ["行业标准（项）", "行业标准", "行业标准(项)", "行业标准数", "行业标准数量", "行业标准量"], "industry standards"),
        ("standards.local", ["地方标准（项）", "地方标准", "地方标准(项)", "地方标准数", "地方标准数量", "地方标准量"], "local standards"),
        ("standards.group", ["团体标准（项）", "团体标准", "团体标准(项)", "团体标准数", "团体标准数量", "团体标准量"], "group standards"),
        ("staff.total", ["从业人员（人）", "从业人员", "从业人员(人)", "从业人员数", "从业人员数量", "从业人员量"], "all staff"),
        ("staff.rd", ["研发人员（人）", "研发人员", "研发人员(人)", "研发人员数", "研发人员数量", "研发人员量"], "r&d staff"),
        ("talent.high_level", ["引进高层次人才（人）", "引进高层次人才", "引进高层次人才(人)", "引进高层次人才数", "引进高层次人才数量", "引进高层次人才量"], "high-level talent brought in"),
        ("training.person_times", ["培训（人次）", "培训", "培训(人次)", "培训数", "培训数量", "培训量"], "training (person-times)"),
        ("intl.projects", ["国际合作（项）", "国际合作", "国际合作(项)", "国际合作数", "国际合作数量", "国际合作量"], "international cooperation"),
        ("intl.joint_labs", ["联合研发中心/实验室（个）", "联合研发中心/实验室", "联合研发中心/实验室(个)", "联合研发中心/实验室数", "联合研发中心/实验室数量", "联合研发中心/实验室量"], "joint r&d centers and labs"),
        ("intl.introductions", ["技术、人才引进及专利交叉许可（项）", "技术、人才引进及专利交叉许可", "技术、人才引进及专利交叉许可(项)", "技术、人才引进及专利交叉许可数", "技术、人才引进及专利交叉许可数量", "技术、人才引进及专利交叉许可量"], "technology and talent introduced, cross-licences"),
        ("members.total", ["成员单位（家）", "成员单位", "成员单位(家)", "成员单位数", "成员单位数量", "成员单位量"], "members"),
        ("members.beijing_hebei", ["京冀成员单位（家）", "京冀成员单位", "京冀成员单位(家)", "京冀成员单位数", "京冀成员单位数量", "京冀成员单位量"], "members from beijing and hebei"),
    ];

    /// <summary>The same statements run on SQLite and PostgreSQL (trim, lower and IN are common to both).</summary>
    public static string Sql()
    {
        var statements = Names.Select(n =>
            $"UPDATE \"ApplicationIndicators\" SET \"Figure\" = {Quote(n.Figure)} WHERE \"Figure\" IS NULL AND "
            + $"(trim(\"Name\") IN ({string.Join(", ", n.Chinese.Select(Quote))}) OR lower(trim(\"Name\")) = {Quote(n.English)});");
        return string.Join("\n", statements);
    }

    private static string Quote(string s) => "'" + s.Replace("'", "''", StringComparison.Ordinal) + "'";
}
