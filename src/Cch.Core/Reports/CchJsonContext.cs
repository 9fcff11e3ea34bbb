using System.Text.Json.Serialization;
using Cch.Configuration;

namespace Cch.Reports;

/// <summary>System.Text.Json source-generated metadata for reports and configs (camelCase, indented).</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    WriteIndented = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    ReadCommentHandling = System.Text.Json.JsonCommentHandling.Skip,
    AllowTrailingCommas = true,
    NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals)]
[JsonSerializable(typeof(CchReport))]
[JsonSerializable(typeof(MutualInformationReport))]
[JsonSerializable(typeof(CchConfig))]
[JsonSerializable(typeof(Reproduction.ReproductionReport))]
[JsonSerializable(typeof(Sharding.PartialReport))]
public sealed partial class CchJsonContext : JsonSerializerContext;
