using System.Diagnostics;
using System.Globalization;
using InnoCenter.Domain.Centers;
using InnoCenter.Domain.Ledger;
using InnoCenter.Domain.Organizations;

namespace InnoCenter.Bench.Generator.Steps;

/// <summary>
/// Each center's ledger (成果台账) over its life — in practice the assessment years, since centers were recognised
/// within them: R&amp;D projects with member participants; IP records (<see cref="Scale.IpRecords"/>) whose numbers pass
/// the app's checks (patent check digits, copyright and layout formats) and whose co-owners are members on the filing
/// day with whole-percent shares totalling 100; transfer deals (<see cref="Scale.Deals"/>) naming IP filed before
/// signing, with receipts split among the co-owners by <see cref="TransferDeal.Receive"/> (largest remainder, to the
/// fen); standards, incubated enterprises, talent, staff per year, training, international cooperation and services
/// to SMEs. Together about <see cref="Scale.LedgerRows"/> records (the ten kinds plus receipts; co-owner, participant,
/// deal-IP and revenue-share rows come on top). Every date lies within the center's life, as the app requires.
/// A center's size of ledger follows its age and a random strength, so the assessment's roll-up differs between centers.
/// </summary>
public sealed partial class LedgerStep : IGeneratorStep
{
    private static readonly (IpKind Kind, int Weight)[] IpKinds =
    [
        (IpKind.InventionApplication, 30), (IpKind.InventionGrant, 15), (IpKind.UtilityModel, 25), (IpKind.Design, 5), (IpKind.Pct, 5),
        (IpKind.SoftwareCopyright, 18), (IpKind.IcLayout, 2),
    ];

    private static readonly string[] Methods = ["基于机器视觉的", "基于深度学习的", "高精度", "多传感器融合的", "低能耗", "模块化", "自适应", "数字孪生驱动的", "耐高温", "轻量化"];

    private static readonly string[] Objects =
    [
        "焊缝缺陷检测", "伺服电机控制", "锂电池极片涂布", "碳纤维复合材料成型", "工业机器人路径规划", "芯片封装测试", "智能网联汽车域控制",
        "中药提取浓缩", "催化裂化反应", "纺织品染整", "航空发动机叶片加工", "工业互联网数据采集", "氢燃料电池电堆", "生物发酵过程控制",
    ];

    private static readonly string[] Endings = ["方法", "装置", "系统", "工艺", "设备及其控制方法"];

    private static readonly string[] Topics = ["智能制造", "工业软件", "质量管理", "知识产权运营", "中试验证", "安全生产", "数字化转型", "标准化"];

    private static readonly (string Name, string Country)[] Partners =
    [
        ("Fraunhofer-Institut für Produktionstechnik und Automatisierung", "DE"), ("RWTH Aachen University", "DE"), ("Tohoku University", "JP"),
        ("National University of Singapore", "SG"), ("Politecnico di Milano", "IT"), ("KTH Royal Institute of Technology", "SE"),
        ("Korea Institute of Industrial Technology", "KR"), ("University of Cambridge", "GB"), ("CEA-Leti", "FR"), ("TNO", "NL"),
        ("VTT Technical Research Centre of Finland", "FI"), ("ETH Zürich", "CH"), ("Technion – Israel Institute of Technology", "IL"),
        ("Georgia Institute of Technology", "US"), ("AIT Austrian Institute of Technology", "AT"),
    ];

    private static readonly string[] ReceiptNotes = ["首期款", "第二期款", "尾款", "许可使用费", string.Empty];

    public int Order => 60;

    public string Name => "ledger: projects, IP, deals and revenue, standards, talent…";

    public async Task RunAsync(GeneratorContext context, Random random, CancellationToken ct)
    {
        var scale = context.Scale;
        var centers = context.Centers;
        if (centers.Count == 0 || scale.LedgerRows == 0)
        {
            return;
        }

        var plan = new Plan(context, random);
        await plan.RunAsync(ct);
    }
}
