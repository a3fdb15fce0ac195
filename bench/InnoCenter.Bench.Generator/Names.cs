using InnoCenter.Domain.Organizations;

namespace InnoCenter.Bench.Generator;

/// <summary>Plausible Chinese names of organisations, people, places and projects, built from word lists.</summary>
public static class Names
{
    public sealed record Place(string Prefix, string RegionCode, string Region, string? District, string City, string Area);

    /// <summary>Tianjin districts (GB/T 2260) with the place words companies there use; Binhai appears most, as in life.</summary>
    private static readonly Place[] Tianjin =
    [
        new("天津滨海", "120116", "Tianjin", "120116", "天津市", "滨海新区"),
        new("天津滨海", "120116", "Tianjin", "120116", "天津市", "滨海新区"),
        new("天津滨海", "120116", "Tianjin", "120116", "天津市", "滨海新区"),
        new("天津经开", "120116", "Tianjin", "120116", "天津市", "滨海新区"),
        new("天津港保税", "120116", "Tianjin", "120116", "天津市", "滨海新区"),
        new("天津西青", "120111", "Tianjin", "120111", "天津市", "西青区"),
        new("天津西青", "120111", "Tianjin", "120111", "天津市", "西青区"),
        new("天津北辰", "120113", "Tianjin", "120113", "天津市", "北辰区"),
        new("天津东丽", "120110", "Tianjin", "120110", "天津市", "东丽区"),
        new("天津津南", "120112", "Tianjin", "120112", "天津市", "津南区"),
        new("天津武清", "120114", "Tianjin", "120114", "天津市", "武清区"),
        new("天津宝坻", "120115", "Tianjin", "120115", "天津市", "宝坻区"),
        new("天津静海", "120118", "Tianjin", "120118", "天津市", "静海区"),
        new("天津宁河", "120117", "Tianjin", "120117", "天津市", "宁河区"),
        new("天津蓟州", "120119", "Tianjin", "120119", "天津市", "蓟州区"),
        new("天津", "120101", "Tianjin", "120101", "天津市", "和平区"),
        new("天津", "120102", "Tianjin", "120102", "天津市", "河东区"),
        new("天津", "120103", "Tianjin", "120103", "天津市", "河西区"),
        new("天津", "120104", "Tianjin", "120104", "天津市", "南开区"),
        new("天津", "120105", "Tianjin", "120105", "天津市", "河北区"),
        new("天津", "120106", "Tianjin", "120106", "天津市", "红桥区"),
        new("津门", "120116", "Tianjin", "120116", "天津市", "滨海新区"),
        new("海河", "120103", "Tianjin", "120103", "天津市", "河西区"),
    ];

    private static readonly Place[] Beijing =
    [
        new("北京", "110108", "Beijing", null, "北京市", "海淀区"),
        new("北京中关村", "110108", "Beijing", null, "北京市", "海淀区"),
        new("北京亦庄", "110115", "Beijing", null, "北京市", "大兴区"),
        new("北京朝阳", "110105", "Beijing", null, "北京市", "朝阳区"),
        new("北京昌平", "110114", "Beijing", null, "北京市", "昌平区"),
    ];

    private static readonly Place[] Hebei =
    [
        new("河北", "130100", "Hebei", null, "石家庄市", "长安区"),
        new("石家庄", "130100", "Hebei", null, "石家庄市", "裕华区"),
        new("唐山", "130200", "Hebei", null, "唐山市", "路北区"),
        new("保定", "130600", "Hebei", null, "保定市", "竞秀区"),
        new("廊坊", "131000", "Hebei", null, "廊坊市", "广阳区"),
        new("沧州", "130900", "Hebei", null, "沧州市", "运河区"),
    ];

    private static readonly Place[] Elsewhere =
    [
        new("上海", "310115", "OtherProvince", null, "上海市", "浦东新区"),
        new("苏州", "320500", "OtherProvince", null, "苏州市", "工业园区"),
        new("深圳", "440300", "OtherProvince", null, "深圳市", "南山区"),
        new("杭州", "330100", "OtherProvince", null, "杭州市", "滨江区"),
        new("青岛", "370200", "OtherProvince", null, "青岛市", "黄岛区"),
        new("武汉", "420100", "OtherProvince", null, "武汉市", "东湖新技术开发区"),
        new("西安", "610100", "OtherProvince", null, "西安市", "雁塔区"),
    ];

    /// <summary>Foreign-invested enterprises registered in Tianjin (a credit code needs a Chinese registration).</summary>
    private static readonly Place[] Abroad =
    [
        new("中德", "120116", "Abroad", null, "天津市", "滨海新区"),
        new("中日", "120116", "Abroad", null, "天津市", "滨海新区"),
        new("中新", "120116", "Abroad", null, "天津市", "滨海新区"),
    ];

    private static readonly string[] Brand =
    [
        "华创", "中科", "海泰", "天元", "恒信", "瑞达", "鑫源", "博远", "盛世", "九州", "宏图", "金桥", "汇智", "远航", "新锐",
        "正泰", "华泰", "联创", "卓越", "凯利", "中环", "力神", "泰达", "津航", "渤化", "海光", "百利", "荣程", "天士", "中沙",
        "同方", "长城", "曙光", "紫光", "航天", "中船", "中汽", "北方", "国科", "融创", "星河", "宇通", "东方", "立德", "德信",
        "永泰", "佳诚", "中瑞", "和谐", "晨光", "精工", "康泰", "安捷", "昊天", "嘉禾", "科润", "鼎盛", "通达", "合众", "弘毅",
    ];

    private static readonly string[] Industry =
    [
        "智能装备", "精密机械", "新材料", "集成电路", "半导体", "生物医药", "医疗器械", "新能源", "储能", "动力电池", "汽车零部件",
        "车联网", "信息技术", "软件", "工业互联网", "机器人", "数控机床", "航空航天", "卫星应用", "石油化工", "精细化工",
        "纺织科技", "中药", "光电", "传感器", "增材制造", "节能环保", "海洋装备", "轨道交通", "电力装备", "氢能", "碳纤维",
        "智能网联", "电子信息", "人工智能", "特种钢材", "高分子材料", "食品科技", "包装材料", "检测认证",
    ];

    private static readonly string[] EnterpriseSuffix = ["有限公司", "股份有限公司", "科技有限公司", "技术有限公司", "集团有限公司", "科技股份有限公司"];

    private static readonly string[] UniversityKind =
    [
        "工业大学", "理工大学", "科技大学", "大学", "师范大学", "医科大学", "交通职业学院", "职业技术学院", "工程学院", "中医药大学",
        "财经大学", "农学院", "轻工职业技术学院", "电子信息职业技术学院", "机电职业技术学院", "城建大学",
    ];

    private static readonly string[] InstituteSuffix = ["研究院", "研究所", "技术研究院", "产业技术研究院", "工程技术研究中心", "创新研究院"];

    private static readonly string[] IndustryOrgSuffix = ["产业联盟", "行业协会", "产业技术创新战略联盟", "学会", "商会", "产业促进会"];

    private static readonly string[] FinanceSuffix = ["融资担保有限公司", "创业投资有限公司", "科技金融服务有限公司", "产业投资基金管理有限公司", "融资租赁有限公司"];

    private static readonly string[] OtherSuffix = ["生产力促进中心", "科技服务中心", "技术转移中心", "检验检测中心", "孵化器管理有限公司"];

    private static readonly string[] Surnames =
    [
        "王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴", "徐", "孙", "胡", "朱", "高", "林", "何", "郭", "马", "罗",
        "梁", "宋", "郑", "谢", "韩", "唐", "冯", "于", "董", "萧", "程", "曹", "袁", "邓", "许", "傅", "沈", "曾", "彭", "吕",
    ];

    private static readonly string[] Given =
    [
        "伟", "芳", "娜", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰", "娟", "涛", "明", "超", "秀英", "霞", "平",
        "刚", "桂英", "建国", "建华", "海燕", "志强", "晓东", "文博", "子涵", "雨萱", "浩然", "思远", "立新", "春雷", "红梅", "玉兰",
    ];

    private static readonly string[] Roads =
    [
        "黄海路", "第三大街", "泰达大街", "卫津路", "南京路", "友谊路", "海泰发展六道", "华苑产业区梓苑路", "京津塘高速辅路",
        "中关村大街", "学院路", "长江道", "津塘路", "杨柳青大道", "北辰道", "新技术产业园区华科三路", "航天大道", "海河东路",
    ];

    public static Place PlaceFor(Random r)
    {
        var roll = r.NextDouble();
        var list = roll switch
        {
            < 0.70 => Tianjin,
            < 0.82 => Beijing,
            < 0.92 => Hebei,
            < 0.99 => Elsewhere,
            _ => Abroad,
        };
        return list[r.Next(list.Length)];
    }

    public static string Organization(Random r, OrganizationType type, Place place) => type switch
    {
        OrganizationType.Enterprise => Enterprise(place.Prefix + Pick(r, Brand), Pick(r, Industry), Pick(r, EnterpriseSuffix)),
        OrganizationType.University => TrimCity(place) + Pick(r, UniversityKind),
        OrganizationType.ResearchInstitute => place.Prefix + Pick(r, Industry) + Pick(r, InstituteSuffix),
        OrganizationType.IndustryOrganization => place.Prefix + Pick(r, Industry) + Pick(r, IndustryOrgSuffix),
        OrganizationType.FinancialInstitution => place.Prefix + Pick(r, Brand) + Pick(r, FinanceSuffix),
        _ => place.Prefix + Pick(r, Brand) + Pick(r, OtherSuffix),
    };

    /// <summary>"…纺织科技" + "科技有限公司" would say 科技 twice.</summary>
    private static string Enterprise(string stem, string industry, string suffix) =>
        industry.EndsWith("科技", StringComparison.Ordinal) && suffix.StartsWith("科技", StringComparison.Ordinal)
            ? stem + industry + suffix[2..]
            : stem + industry + suffix;

    /// <summary>Where two generated names collide, a branch or campus tells them apart.</summary>
    public static string Disambiguate(string name, int n) => name.EndsWith("公司", StringComparison.Ordinal)
        ? name[..^2] + $"第{n}分公司"
        : name + $"（第{n}分部）";

    public static string Person(Random r) => Pick(r, Surnames) + Pick(r, Given) + (r.Next(3) == 0 ? Pick(r, Given)[..1] : string.Empty);

    public static string Address(Random r, Place p) => $"{p.City}{p.Area}{Pick(r, Roads)}{r.Next(1, 399)}号";

    public static string Phone(Random r, Place p) => r.Next(3) == 0
        ? $"1{Pick(r, ["38", "39", "59", "86", "37", "52"])}{r.Next(0, 10_000):0000}{r.Next(0, 10_000):0000}"
        : $"{(p.Region == "Tianjin" ? "022" : p.Region == "Beijing" ? "010" : "0311")}-{r.Next(2000_0000, 8999_9999)}";

    public static string IndustryWord(Random r) => Pick(r, Industry);

    public static T Pick<T>(Random r, IReadOnlyList<T> items) => items[r.Next(items.Count)];

    private static string TrimCity(Place p) => p.Prefix.Length > 2 ? p.Prefix[..2] : p.Prefix;
}
