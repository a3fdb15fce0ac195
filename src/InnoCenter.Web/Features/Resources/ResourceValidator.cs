using InnoCenter.Domain.Common;
using InnoCenter.Domain.Policy;
using InnoCenter.Domain.Resources;

namespace InnoCenter.Web.Features.Resources;

public static class ResourceValidator
{
    public static Result<ResourceDetails> Validate(ResourceRequest r, ResourceRules rules)
    {
        var errors = new List<Error>();
        Text(r.Name, FieldLengths.Title, "name", required: true);
        Text(r.Model, FieldLengths.Title, "model", required: false);
        Text(r.Location, FieldLengths.Address, "location", required: false);
        Text(r.Description, FieldLengths.LongText, "description", required: false);
        if (string.IsNullOrWhiteSpace(r.Category))
        {
            errors.Add(new Error("validation.required", "category"));
        }
        else if (rules.Categories.All(c => c.Code != r.Category))
        {
            errors.Add(new Error("resources.category_unknown", "category", r.Category));
        }

        var hours = OpeningHours.Parse(r.OpeningHours);
        if (!hours.IsSuccess)
        {
            errors.AddRange(hours.Failure!.Errors);
        }

        if (!Enum.TryParse<FeeUnit>(r.FeeUnit, true, out var unit) || !Enum.IsDefined(unit))
        {
            errors.Add(new Error("validation.required", "feeUnit"));
        }

        Fee(r.MemberFee, "memberFee");
        Fee(r.OutsideFee, "outsideFee");
        Fee(r.SmeFee, "smeFee");
        if (errors.Count > 0)
        {
            return Failure.Validation(errors);
        }

        return new ResourceDetails(
            r.Name!.Trim(), r.Category!, r.Model, r.Location, r.Description, hours.Value,
            r.NeedsApproval ?? rules.DefaultNeedsApproval, r.NeedsTraining, r.OpenToOutside, unit,
            r.MemberFee!.Value, r.OutsideFee!.Value, r.SmeFee!.Value);

        void Text(string? value, int max, string field, bool required)
        {
            if (required && string.IsNullOrWhiteSpace(value))
            {
                errors.Add(new Error("validation.required", field));
            }
            else if (value is not null && value.Trim().Length > max)
            {
                errors.Add(new Error("validation.max_length", field, max));
            }
        }

        void Fee(decimal? value, string field)
        {
            if (value is null)
            {
                errors.Add(new Error("validation.required", field));
            }
            else if (Domain.Ledger.Money.ToFen(value.Value, out var code) is null)
            {
                errors.Add(new Error(code!, field));
            }
        }
    }
}
