namespace InnoCenter.Domain.Common;

/// <summary>Column lengths shared by the EF configurations and the validators, so both refuse the same input.</summary>
public static class FieldLengths
{
    public const int CreditCode = 18;
    public const int OrganizationName = 200;
    public const int Address = 300;
    public const int PersonName = 100;
    public const int Phone = 40;
    public const int Email = 256;
    public const int DistrictCode = 6;
    public const int Code = 64;
    public const int Reason = 1000;
    public const int TokenName = 100;
    public const int FileName = 255;
    public const int Title = 300;

    /// <summary>A unit of measure as people write it (项, 家, 万元, %).</summary>
    public const int Unit = 32;
    public const int LongText = 4000;
    public const int Culture = 10;
}
