using InnoCenter.Domain.Common;
using InnoCenter.Domain.Organizations;
using InnoCenter.Web.Infrastructure.Auth;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace InnoCenter.Web.Data.Configurations;

public sealed class AppUserConfiguration : IEntityTypeConfiguration<AppUser>
{
    public void Configure(EntityTypeBuilder<AppUser> b)
    {
        b.Property(x => x.DisplayName).HasMaxLength(FieldLengths.PersonName).IsRequired();
        b.Property(x => x.RequestedRole).HasMaxLength(32);
        b.Property(x => x.PreferredCulture).HasMaxLength(FieldLengths.Culture).HasDefaultValue("zh-CN").IsRequired();
        b.HasOne<Organization>().WithMany().HasForeignKey(x => x.OrganizationId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => new { x.IsActive, x.OrganizationId });
        // The Admins' workbench counts the accounts awaiting verification (a requested role, not yet active) from the
        // index alone: without it the count read every account (national, 7,800: 2 ms a home page).
        b.HasIndex(x => new { x.RequestedRole, x.IsActive });
        // The Admins' user list reads a page in this order (inactive first, newest first): without the index PostgreSQL
        // sorted every account for each page (national, 7,801: 5.4 ms against 0.07 ms).
        b.HasIndex(x => new { x.IsActive, x.CreatedAt }).IsDescending(false, true);
    }
}
