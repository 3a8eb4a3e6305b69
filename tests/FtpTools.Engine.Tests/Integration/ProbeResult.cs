using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;

namespace FtpTools.Engine.Tests.Integration;

/// <summary>The JSON line FtpTools.NetnsProbe prints, plus how long the whole run took (dotnet start-up included).</summary>
public sealed record ProbeResult(bool Ok, string? Mode, string? Tls, string? Exception, string? Phase, string? Message, TimeSpan EngineTime, TimeSpan WallTime, string Line)
{
    /// <summary>--diagnose: the sentences that matter.</summary>
    public IReadOnlyList<string> Diagnosis { get; init; } = Array.Empty<string>();

    /// <summary>--diagnose: every attempt.</summary>
    public IReadOnlyList<ProbeAttemptLine> Attempts { get; init; } = Array.Empty<ProbeAttemptLine>();

    /// <summary>--diagnose: the recommended -DataConnection and -Encryption.</summary>
    public string? DataConnection { get; init; }

    public string? Encryption { get; init; }

    public static ProbeResult Parse(string line, TimeSpan wallTime)
    {
        using JsonDocument document = JsonDocument.Parse(line);
        JsonElement root = document.RootElement;
        return new ProbeResult(
            root.GetProperty("ok").GetBoolean(),
            Text(root, "mode"),
            Text(root, "tls"),
            Text(root, "exception"),
            Text(root, "phase"),
            Text(root, "message"),
            TimeSpan.FromMilliseconds(root.GetProperty("elapsedMs").GetInt64()),
            wallTime,
            line)
        {
            Diagnosis = root.TryGetProperty("diagnosis", out JsonElement diagnosis) ? diagnosis.EnumerateArray().Select(s => s.GetString() ?? string.Empty).ToArray() : Array.Empty<string>(),
            Attempts = root.TryGetProperty("attempts", out JsonElement attempts) ? attempts.EnumerateArray().Select(ProbeAttemptLine.Parse).ToArray() : Array.Empty<ProbeAttemptLine>(),
            DataConnection = Text(root, "dataConnection"),
            Encryption = Text(root, "encryption"),
        };
    }

    private static string? Text(JsonElement root, string name) =>
        root.TryGetProperty(name, out JsonElement value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}

/// <summary>One attempt of a --diagnose run.</summary>
public sealed record ProbeAttemptLine(string Step, string Encryption, string DataConnection, bool Success, int? ReplyCode, TimeSpan Elapsed, string Diagnosis)
{
    public static ProbeAttemptLine Parse(JsonElement attempt) => new(
        attempt.GetProperty("step").GetString()!,
        attempt.GetProperty("encryption").GetString()!,
        attempt.GetProperty("dataConnection").GetString()!,
        attempt.GetProperty("success").GetBoolean(),
        attempt.TryGetProperty("replyCode", out JsonElement code) ? code.GetInt32() : null,
        TimeSpan.FromMilliseconds(attempt.GetProperty("elapsedMs").GetInt64()),
        attempt.GetProperty("diagnosis").GetString()!);
}
