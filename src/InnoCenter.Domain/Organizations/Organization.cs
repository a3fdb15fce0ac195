using InnoCenter.Domain.Common;

namespace InnoCenter.Domain.Organizations;

/// <summary>An organisation (单位) known to the programme, identified by its credit code.</summary>
public sealed class Organization : IAudited, IVersioned
{
    private Organization()
    {
    }

    public Guid Id { get; private set; }

    /// <summary>统一社会信用代码; one organisation per code.</summary>
    public string CreditCode { get; private set; } = string.Empty;

    public string Name { get; private set; } = string.Empty;

    public OrganizationType Type { get; private set; }

    /// <summary>GB/T 2260 district code, for organisations of the pack's home region (Tianjin in its plan).</summary>
    public string? DistrictCode { get; private set; }

    /// <summary>A code of the pack's regions.</summary>
    public string Region { get; private set; } = "";

    public string? Address { get; private set; }

    public string? ContactName { get; private set; }

    public string? ContactPhone { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public int Version { get; set; }

    /// <param name="id">
    /// A fresh version-7 id unless given. A receipt's split gives a fen left over between equal shares by organisation id
    /// (<see cref="Ledger.RevenueSplit"/>), so a caller that must reproduce its data from a seed — the benchmark
    /// generator — gives seeded ids.
    /// </param>
    public static Organization Create(OrganizationDetails details, DateTimeOffset now, Guid? id = null)
    {
        var org = new Organization
        {
            Id = id ?? Guid.CreateVersion7(),
            CreditCode = details.CreditCode.Value,
            CreatedAt = now,
        };
        org.Apply(details, now);
        return org;
    }

    public void Update(OrganizationDetails details, DateTimeOffset now)
    {
        if (details.CreditCode.Value != CreditCode)
        {
            throw new InvalidOperationException("The credit code identifies an organisation and cannot change.");
        }

        Apply(details, now);
    }

    private void Apply(OrganizationDetails d, DateTimeOffset now)
    {
        Name = d.Name.Trim();
        Type = d.Type;
        Region = d.Region;
        DistrictCode = Blank(d.DistrictCode);
        Address = Blank(d.Address);
        ContactName = Blank(d.ContactName);
        ContactPhone = Blank(d.ContactPhone);
        UpdatedAt = now;
    }

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}

/// <summary>Validated details of an organisation; the district only where the pack's home region needs one (the validator decides).</summary>
public sealed record OrganizationDetails(
    Uscc CreditCode,
    string Name,
    OrganizationType Type,
    string Region,
    string? DistrictCode,
    string? Address,
    string? ContactName,
    string? ContactPhone);
