using System;
using System.Collections.Generic;
using System.Globalization;

namespace FtpTools.Benchmark;

/// <summary>"--name value" and "--flag" arguments; every name may appear once.</summary>
internal sealed class ArgumentReader
{
    private readonly Dictionary<string, string?> _values = new(StringComparer.Ordinal);

    public ArgumentReader(IReadOnlyList<string> arguments, IReadOnlySet<string> flags)
    {
        for (int i = 0; i < arguments.Count; i++)
        {
            string name = arguments[i];
            if (!name.StartsWith("--", StringComparison.Ordinal))
            {
                throw new ArgumentException("unexpected argument '" + name + "'");
            }

            if (flags.Contains(name))
            {
                _values[name] = null;
            }
            else if (i + 1 < arguments.Count)
            {
                _values[name] = arguments[++i];
            }
            else
            {
                throw new ArgumentException(name + " needs a value");
            }
        }
    }

    public bool Has(string name) => _values.ContainsKey(name);

    public string Text(string name) =>
        _values.TryGetValue(name, out string? value) && value is not null ? value : throw new ArgumentException(name + " is required");

    public string? OptionalText(string name) => _values.TryGetValue(name, out string? value) ? value : null;

    public int Integer(string name, int defaultValue)
    {
        string? value = OptionalText(name);
        if (value is null)
        {
            return defaultValue;
        }

        return int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out int number) && number > 0
            ? number
            : throw new ArgumentException(name + " needs a positive whole number, not '" + value + "'");
    }
}
