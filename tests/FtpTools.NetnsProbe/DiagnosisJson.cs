using System.IO;
using System.Linq;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using FtpTools.Engine.Diagnostics;

namespace FtpTools.NetnsProbe;

/// <summary>One JSON line for a probe report: {"ok":...,"recommended":...,"dataConnection":...,"diagnosis":[...],"attempts":[...],"elapsedMs":...}.</summary>
public static class DiagnosisJson
{
    public static string Write(ConnectionProbeReport report)
    {
        using var output = new MemoryStream();
        using (var json = new Utf8JsonWriter(output, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            json.WriteBoolean("ok", report.Success);
            json.WriteString("recommended", report.Recommended?.Summary);
            json.WriteString("dataConnection", report.Recommended?.ConnectParameters.FirstOrDefault(p => p.Key == "DataConnection").Value?.ToString());
            json.WriteString("encryption", report.Recommended?.ConnectParameters.FirstOrDefault(p => p.Key == "Encryption").Value?.ToString());
            json.WriteStartArray("diagnosis");
            foreach (string sentence in report.Diagnosis)
            {
                json.WriteStringValue(sentence);
            }

            json.WriteEndArray();
            json.WriteStartArray("attempts");
            foreach (ProbeAttempt attempt in report.Attempts)
            {
                json.WriteStartObject();
                json.WriteString("step", attempt.Step.ToString());
                json.WriteString("encryption", attempt.Encryption);
                json.WriteString("dataConnection", attempt.DataConnection);
                json.WriteBoolean("success", attempt.Success);
                if (attempt.ReplyCode is int code)
                {
                    json.WriteNumber("replyCode", code);
                }

                json.WriteNumber("elapsedMs", (long)attempt.Elapsed.TotalMilliseconds);
                json.WriteString("diagnosis", attempt.Diagnosis);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteNumber("elapsedMs", (long)report.Elapsed.TotalMilliseconds);
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(output.ToArray());
    }
}
