using System;
using System.Text.Json;

namespace FtpTools.Engine.Tests.Integration;

/// <summary>The JSON line FtpTools.NetnsProbe prints, plus how long the whole run took (dotnet start-up included).</summary>
public sealed record ProbeResult(bool Ok, string? Mode, string? Tls, string? Exception, string? Phase, string? Message, TimeSpan EngineTime, TimeSpan WallTime, string Line)
{
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
            line);
    }

    private static string? Text(JsonElement root, string name) =>
        root.TryGetProperty(name, out JsonElement value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
