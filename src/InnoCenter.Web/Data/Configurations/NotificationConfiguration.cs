using InnoCenter.Domain.Common;
using InnoCenter.Web.Infrastructure.Notifications;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace InnoCenter.Web.Data.Configurations;

public sealed class NotificationConfiguration : IEntityTypeConfiguration<Notification>
{
    public void Configure(EntityTypeBuilder<Notification> b)
    {
        b.ToTable("Notifications");
        b.HasKey(x => x.Id);
        b.Property(x => x.TitleZh).HasMaxLength(FieldLengths.Title).IsRequired();
        b.Property(x => x.TitleEn).HasMaxLength(FieldLengths.Title).IsRequired();
        b.Property(x => x.Link).HasMaxLength(FieldLengths.Title);
        b.HasIndex(x => new { x.UserId, x.ReadAt });
    }
}

public sealed class OutboxEmailConfiguration : IEntityTypeConfiguration<OutboxEmail>
{
    public void Configure(EntityTypeBuilder<OutboxEmail> b)
    {
        b.ToTable("OutboxEmails");
        b.HasKey(x => x.Id);
        b.Property(x => x.To).HasMaxLength(FieldLengths.Email).IsRequired();
        b.Property(x => x.Subject).HasMaxLength(FieldLengths.Title).IsRequired();
        b.Property(x => x.Body).HasMaxLength(FieldLengths.LongText).IsRequired();
        b.HasIndex(x => x.SentAt);
        b.Property(x => x.State).HasConversion<string>().HasMaxLength(16).HasDefaultValue(OutboxState.Pending).HasSentinel(OutboxState.Pending);
        b.Property(x => x.LastError).HasMaxLength(OutboxEmail.MaxErrorLength);
        b.Property(x => x.Culture).HasMaxLength(8).HasDefaultValue("zh-CN").IsRequired();
        b.HasIndex(x => new { x.State, x.NextAttemptAt });
        b.HasIndex(x => x.CreatedAt);
    }
}
