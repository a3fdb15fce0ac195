using System.Text.Json;
using System.Text.Json.Serialization;
using InnoCenter.Domain.Assessment;
using InnoCenter.Domain.Common;

namespace InnoCenter.Domain.Policy;

/// <summary>Reads and writes an enum as its camel-case name ("quantitative"); reading ignores case.</summary>
public sealed class CamelCaseEnumConverter<TEnum>() : JsonStringEnumConverter<TEnum>(JsonNamingPolicy.CamelCase, allowIntegerValues: false)
    where TEnum : struct, Enum;
