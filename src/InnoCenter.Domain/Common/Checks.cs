namespace InnoCenter.Domain.Common;

/// <summary>The field checks every validator repeats, written once so they refuse with the same codes.</summary>
public static class Checks
{
    /// <summary>Adds validation.required when blank, validation.too_long when over <paramref name="max"/>; true when fine.</summary>
    public static bool Required(string? value, int max, string field, ICollection<Error> errors)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            errors.Add(new Error("validation.required", field));
            return false;
        }

        return MaxLength(value, max, field, errors);
    }

    /// <summary>Optional text: only its length is checked.</summary>
    public static bool MaxLength(string? value, int max, string field, ICollection<Error> errors)
    {
        if (value is not null && value.Trim().Length > max)
        {
            errors.Add(new Error("validation.too_long", field, max));
            return false;
        }

        return true;
    }
}
