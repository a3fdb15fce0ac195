using InnoCenter.Domain.Applications;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace InnoCenter.Web.Data.Configurations;

public sealed class ApplicationStageClockConfiguration : IEntityTypeConfiguration<ApplicationStageClock>
{
    public void Configure(EntityTypeBuilder<ApplicationStageClock> b)
    {
        b.ToTable("ApplicationStageClocks");
        // No foreign key: the rebuild marker names no application (applications are never deleted).
        b.HasKey(x => x.ApplicationId);
        // The application's id, never generated (the marker row is the empty id).
        b.Property(x => x.ApplicationId).ValueGeneratedNever();
        b.Property(x => x.Status).HasConversion<string>().HasMaxLength(32);
        // The overdue counts: one range of the index per stage.
        b.HasIndex(x => new { x.Status, x.DueAt });
    }
}
