using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using Xunit;
using static FtpTools.Module.Tests.CmdletMetadata;

namespace FtpTools.Module.Tests
{
    /// <summary>The cmdlets as /work/notes/cmdlet-contract.md describes them: names, parameters, types, pipeline bindings.</summary>
    public class CmdletContractTests : IClassFixture<ModuleUnderTest>
    {
        // From "Approved Verbs for PowerShell Commands" (Common, Communications, Data, Diagnostic, Lifecycle, Security, Other).
        private static readonly HashSet<string> ApprovedVerbs = new HashSet<string>(StringComparer.Ordinal)
        {
            "Add", "Clear", "Close", "Copy", "Enter", "Exit", "Find", "Format", "Get", "Hide", "Join", "Lock", "Move", "New", "Open", "Optimize",
            "Pop", "Push", "Redo", "Remove", "Rename", "Reset", "Resize", "Search", "Select", "Set", "Show", "Skip", "Split", "Step", "Switch",
            "Undo", "Unlock", "Watch",
            "Connect", "Disconnect", "Read", "Receive", "Send", "Write",
            "Backup", "Checkpoint", "Compare", "Compress", "Convert", "ConvertFrom", "ConvertTo", "Dismount", "Edit", "Expand", "Export",
            "Group", "Import", "Initialize", "Limit", "Merge", "Mount", "Out", "Publish", "Restore", "Save", "Sync", "Unpublish", "Update",
            "Debug", "Measure", "Ping", "Repair", "Resolve", "Test", "Trace",
            "Approve", "Assert", "Build", "Complete", "Confirm", "Deny", "Deploy", "Disable", "Enable", "Install", "Invoke", "Register",
            "Request", "Restart", "Resume", "Start", "Stop", "Submit", "Suspend", "Uninstall", "Unregister", "Wait",
            "Block", "Grant", "Protect", "Revoke", "Unblock", "Unprotect",
            "Use",
        };

        private static readonly string[] MutatingCmdlets =
        {
            "Send-FtpItem", "Receive-FtpItem", "New-FtpDirectory", "Remove-FtpItem", "Rename-FtpItem", "Move-FtpItem", "Invoke-FtpCommand",
            "Sync-FtpItem",
        };

        // Every parameter of every cmdlet, with its type name, exactly as the contract lists them (nothing more, nothing less).
        private static readonly Dictionary<string, Dictionary<string, string>> ContractParameters = new Dictionary<string, Dictionary<string, string>>
        {
            ["Connect-FtpServer"] = new Dictionary<string, string>
            {
                ["ComputerName"] = "String", ["Port"] = "Int32", ["Credential"] = "PSCredential", ["Encryption"] = "FtpEncryption",
                ["DataConnection"] = "FtpDataConnectionMode", ["ActivePortRange"] = "String", ["ActiveExternalAddress"] = "String",
                ["UseServerPassiveAddress"] = "SwitchParameter", ["CertificateThumbprint"] = "String[]", ["SkipCertificateCheck"] = "SwitchParameter",
                ["TlsProtocol"] = "String[]", ["Timeout"] = "Int32", ["KeepAliveInterval"] = "Int32", ["Protocol"] = "RemoteProtocol",
                ["KeyFile"] = "String[]", ["KeyPassphrase"] = "SecureString", ["HostKeyFingerprint"] = "String[]", ["KnownHostsFile"] = "String",
                ["AcceptNewHostKey"] = "SwitchParameter", ["RetryCount"] = "Int32", ["RetryDelay"] = "Int32",
            },
            ["Disconnect-FtpServer"] = new Dictionary<string, string> { ["Session"] = "FtpSession[]" },
            ["Get-FtpSession"] = new Dictionary<string, string> { ["Id"] = "Int32[]" },
            ["Get-FtpChildItem"] = WithSession(("Path", "String[]"), ("LiteralPath", "String[]"), ("Filter", "String"), ("Recurse", "SwitchParameter"),
                ("Depth", "UInt32"), ("File", "SwitchParameter"), ("Directory", "SwitchParameter"), ("Force", "SwitchParameter")),
            ["Get-FtpItem"] = WithSession(("Path", "String[]"), ("LiteralPath", "String[]")),
            ["Test-FtpPath"] = WithSession(("Path", "String[]"), ("LiteralPath", "String[]"), ("PathType", "FtpPathType")),
            ["Send-FtpItem"] = WithSession(("Path", "String[]"), ("LiteralPath", "String[]"), ("Destination", "String"), ("Recurse", "SwitchParameter"),
                ("Include", "String[]"), ("Exclude", "String[]"), ("IfExists", "FtpIfExists"), ("PassThru", "SwitchParameter"), ("RetryCount", "Int32"), ("RetryDelay", "Int32"),
                ("ThrottleLimit", "Int32"), ("Atomic", "SwitchParameter"), ("Verify", "SwitchParameter")),
            ["Receive-FtpItem"] = WithSession(("Path", "String[]"), ("LiteralPath", "String[]"), ("Destination", "String"), ("Recurse", "SwitchParameter"),
                ("Include", "String[]"), ("Exclude", "String[]"), ("IfExists", "FtpIfExists"), ("PassThru", "SwitchParameter"), ("RetryCount", "Int32"), ("RetryDelay", "Int32"),
                ("ThrottleLimit", "Int32"), ("Verify", "SwitchParameter")),
            ["New-FtpDirectory"] = WithSession(("Path", "String[]")),
            ["Remove-FtpItem"] = WithSession(("Path", "String[]"), ("LiteralPath", "String[]"), ("Recurse", "SwitchParameter")),
            ["Rename-FtpItem"] = WithSession(("Path", "String"), ("LiteralPath", "String"), ("NewName", "String"), ("PassThru", "SwitchParameter")),
            ["Move-FtpItem"] = WithSession(("Path", "String[]"), ("LiteralPath", "String[]"), ("Destination", "String"), ("PassThru", "SwitchParameter")),
            ["Get-FtpFileHash"] = WithSession(("Path", "String[]"), ("LiteralPath", "String[]"), ("Algorithm", "FtpHashAlgorithm")),
            ["Invoke-FtpCommand"] = WithSession(("Command", "String")),
            ["Sync-FtpItem"] = WithSession(("LocalPath", "String"), ("RemotePath", "String"), ("Direction", "FtpSyncDirection"), ("Compare", "FtpSyncCompare"),
                ("Delete", "SwitchParameter"), ("Include", "String[]"), ("Exclude", "String[]"), ("ThrottleLimit", "Int32"), ("Atomic", "SwitchParameter"), ("Verify", "SwitchParameter"),
                ("RetryCount", "Int32"), ("RetryDelay", "Int32")),
            ["Test-FtpConnection"] = new Dictionary<string, string>
            {
                ["ComputerName"] = "String", ["Port"] = "Int32", ["Credential"] = "PSCredential", ["Protocol"] = "RemoteProtocol", ["Encryption"] = "FtpEncryption",
                ["ActivePortRange"] = "String", ["ActiveExternalAddress"] = "String", ["CertificateThumbprint"] = "String[]", ["SkipCertificateCheck"] = "SwitchParameter",
                ["TlsProtocol"] = "String[]", ["HostKeyFingerprint"] = "String[]", ["KnownHostsFile"] = "String", ["Timeout"] = "Int32",
                ["Deep"] = "SwitchParameter", ["Quiet"] = "SwitchParameter",
            },
        };

        // Positional parameters: cmdlet -> parameter -> position.
        private static readonly (string Cmdlet, string Parameter, int Position)[] Positions =
        {
            ("Connect-FtpServer", "ComputerName", 0), ("Disconnect-FtpServer", "Session", 0), ("Get-FtpSession", "Id", 0), ("Get-FtpChildItem", "Path", 0), ("Get-FtpItem", "Path", 0),
            ("Test-FtpPath", "Path", 0), ("Send-FtpItem", "Path", 0), ("Send-FtpItem", "Destination", 1), ("Receive-FtpItem", "Path", 0),
            ("Receive-FtpItem", "Destination", 1), ("New-FtpDirectory", "Path", 0), ("Remove-FtpItem", "Path", 0), ("Rename-FtpItem", "Path", 0),
            ("Rename-FtpItem", "NewName", 1), ("Move-FtpItem", "Path", 0), ("Move-FtpItem", "Destination", 1), ("Get-FtpFileHash", "Path", 0),
            ("Invoke-FtpCommand", "Command", 0), ("Test-FtpConnection", "ComputerName", 0), ("Sync-FtpItem", "LocalPath", 0), ("Sync-FtpItem", "RemotePath", 1),
        };

        // Parameters bound by property name, with the aliases that make them bind (FullName from FtpItem/FileInfo, PSPath from Get-ChildItem).
        private static readonly (string Cmdlet, string Parameter, string[] Aliases)[] ByPropertyName =
        {
            ("Get-FtpChildItem", "LiteralPath", new[] { "FullName" }), ("Get-FtpItem", "LiteralPath", new[] { "FullName" }),
            ("Test-FtpPath", "LiteralPath", new[] { "FullName" }), ("Send-FtpItem", "LiteralPath", new[] { "PSPath", "FullName" }),
            ("Receive-FtpItem", "LiteralPath", new[] { "FullName" }), ("Remove-FtpItem", "LiteralPath", new[] { "FullName" }),
            ("Rename-FtpItem", "LiteralPath", new[] { "FullName" }), ("Move-FtpItem", "LiteralPath", new[] { "FullName" }),
            ("Get-FtpFileHash", "LiteralPath", new[] { "FullName" }), ("Rename-FtpItem", "NewName", Array.Empty<string>()),
        };

        private readonly ModuleUnderTest module;

        public CmdletContractTests(ModuleUnderTest module)
        {
            this.module = module;
        }

        public static IEnumerable<object[]> CmdletNames => ContractParameters.Keys.Select(k => new object[] { k });

        [Fact]
        public void The_module_has_exactly_the_contract_cmdlets()
        {
            Assert.Equal(ContractParameters.Keys.OrderBy(k => k), module.CmdletTypes.Select(Name).OrderBy(k => k));
        }

        [Fact]
        public void Cmdlet_names_use_approved_verbs_Ftp_nouns_and_matching_class_names()
        {
            foreach (var type in module.CmdletTypes)
            {
                Assert.True(ApprovedVerbs.Contains(Verb(type)), type.Name + ": '" + Verb(type) + "' is not an approved verb");
                Assert.StartsWith("Ftp", Noun(type), StringComparison.Ordinal);
                Assert.Equal(Verb(type) + Noun(type) + "Command", type.Name);
                Assert.Equal("FtpTools", type.Namespace);
            }
        }

        [Fact]
        public void Every_cmdlet_declares_an_output_type()
        {
            foreach (var type in module.CmdletTypes)
            {
                var outputType = Attribute(type, "OutputTypeAttribute");
                Assert.True(outputType != null, type.Name + " has no [OutputType]");
                Assert.NotEmpty(ArrayArgument(outputType!));
            }
        }

        [Theory]
        [InlineData("Connect-FtpServer", "FtpSession")]
        [InlineData("Disconnect-FtpServer", "Void")]
        [InlineData("Get-FtpSession", "FtpSession")]
        [InlineData("Get-FtpChildItem", "FtpItem")]
        [InlineData("Get-FtpItem", "FtpItem")]
        [InlineData("Test-FtpPath", "Boolean")]
        [InlineData("Send-FtpItem", "FtpItem")]
        [InlineData("Receive-FtpItem", "FileInfo")]
        [InlineData("New-FtpDirectory", "FtpItem")]
        [InlineData("Remove-FtpItem", "Void")]
        [InlineData("Rename-FtpItem", "FtpItem")]
        [InlineData("Move-FtpItem", "FtpItem")]
        [InlineData("Get-FtpFileHash", "FtpFileHash")]
        [InlineData("Invoke-FtpCommand", "FtpCommandResult")]
        [InlineData("Sync-FtpItem", "FtpSyncResult")]
        public void Output_types_follow_the_contract(string cmdlet, string typeName)
        {
            var outputType = Attribute(Cmdlet(module, cmdlet)!, "OutputTypeAttribute")!;
            Assert.Equal(typeName, Assert.IsAssignableFrom<Type>(Assert.Single(ArrayArgument(outputType))).Name);
        }

        [Fact]
        public void Test_FtpConnection_returns_a_report_or_with_Quiet_a_boolean()
        {
            var outputType = Attribute(Cmdlet(module, "Test-FtpConnection")!, "OutputTypeAttribute")!;
            Assert.Equal(new[] { "FtpConnectionTest", "Boolean" }, ArrayArgument(outputType).Select(t => Assert.IsAssignableFrom<Type>(t).Name));
        }

        [Fact]
        public void Mutating_cmdlets_support_ShouldProcess_and_no_cmdlet_exceeds_medium_impact()
        {
            foreach (var type in module.CmdletTypes)
            {
                var cmdlet = Attribute(type, "CmdletAttribute")!;
                var supports = NamedFlag(cmdlet, "SupportsShouldProcess");
                Assert.True(supports == MutatingCmdlets.Contains(Name(type)), Name(type) + ": SupportsShouldProcess is " + supports);
                // ConfirmImpact: None 0, Low 1, Medium 2, High 3. Never High: scripts must not stop at a confirmation prompt.
                var impact = Named(cmdlet, "ConfirmImpact") is int value ? value : 2;
                Assert.True(impact <= 2, Name(type) + " has ConfirmImpact " + impact);
            }
        }

        [Theory]
        [MemberData(nameof(CmdletNames))]
        public void Parameters_and_types_match_the_contract(string cmdlet)
        {
            var type = Cmdlet(module, cmdlet);
            Assert.NotNull(type);
            var actual = Parameters(type!).ToDictionary(p => p.Name, p => p.PropertyType.Name);
            Assert.Equal(ContractParameters[cmdlet].OrderBy(p => p.Key), actual.OrderBy(p => p.Key));
        }

        [Fact]
        public void Positions_follow_the_contract()
        {
            foreach (var (cmdlet, parameter, position) in Positions)
            {
                var attribute = Attribute(Parameter(Cmdlet(module, cmdlet)!, parameter)!, "ParameterAttribute")!;
                Assert.True(Named(attribute, "Position") is int actual && actual == position, cmdlet + " -" + parameter + " should be at position " + position);
            }
        }

        [Fact]
        public void Session_binds_from_the_pipeline_and_by_property_name_everywhere()
        {
            foreach (var type in module.CmdletTypes.Where(t => Name(t) != "Connect-FtpServer" && Name(t) != "Get-FtpSession" && Name(t) != "Test-FtpConnection"))
            {
                var session = Parameter(type, "Session");
                Assert.True(session != null, Name(type) + " has no -Session");
                Assert.StartsWith("FtpSession", session!.PropertyType.Name, StringComparison.Ordinal);
                var attributes = Attributes(session, "ParameterAttribute").ToList();
                Assert.All(attributes, a => Assert.True(NamedFlag(a, "ValueFromPipeline"), Name(type) + " -Session is not ValueFromPipeline"));
                Assert.All(attributes, a => Assert.False(NamedFlag(a, "Mandatory"), Name(type) + " -Session must be optional"));
                Assert.True(attributes.Any(a => NamedFlag(a, "ValueFromPipelineByPropertyName")), Name(type) + " -Session is not ValueFromPipelineByPropertyName");
            }
        }

        [Fact]
        public void With_path_sets_Session_binds_by_property_name_only_in_the_LiteralPath_set()
        {
            // PowerShell binds pipeline input in the default (Path) set first; a -Session bound there by property name would keep a
            // piped FtpItem out of -LiteralPath, and its FullName would reach the wildcard -Path as a string.
            foreach (var type in module.CmdletTypes.Where(t => Parameter(t, "LiteralPath") != null))
            {
                foreach (var attribute in Attributes(Parameter(type, "Session")!, "ParameterAttribute"))
                {
                    var set = Named(attribute, "ParameterSetName") as string;
                    Assert.True(set == "Path" || set == "LiteralPath", Name(type) + " -Session must be declared per parameter set");
                    Assert.Equal(set == "LiteralPath", NamedFlag(attribute, "ValueFromPipelineByPropertyName"));
                }
            }
        }

        [Fact]
        public void Path_takes_strings_from_the_pipeline_by_value_and_LiteralPath_takes_piped_items()
        {
            foreach (var type in module.CmdletTypes.Where(t => Parameter(t, "LiteralPath") != null))
            {
                Assert.True(NamedFlag(Attribute(Parameter(type, "Path")!, "ParameterAttribute")!, "ValueFromPipeline"), Name(type) + " -Path is not ValueFromPipeline");
                Assert.True(NamedFlag(Attribute(Parameter(type, "LiteralPath")!, "ParameterAttribute")!, "ValueFromPipelineByPropertyName"), Name(type) + " -LiteralPath");
                Assert.Contains("FullName", Aliases(Parameter(type, "LiteralPath")!));
                Assert.DoesNotContain("FullName", Aliases(Parameter(type, "Path")!));
            }
        }

        [Fact]
        public void Path_parameters_bind_piped_items_by_property_name()
        {
            foreach (var (cmdlet, parameter, aliases) in ByPropertyName)
            {
                var property = Parameter(Cmdlet(module, cmdlet)!, parameter)!;
                Assert.True(NamedFlag(Attribute(property, "ParameterAttribute")!, "ValueFromPipelineByPropertyName"), cmdlet + " -" + parameter);
                Assert.Equal(aliases.OrderBy(a => a), Aliases(property).OrderBy(a => a));
            }
        }

        [Fact]
        public void Connect_takes_the_computer_name_first_and_a_credential_object()
        {
            var connect = Cmdlet(module, "Connect-FtpServer")!;
            var computerName = Parameter(connect, "ComputerName")!;
            var attribute = Attribute(computerName, "ParameterAttribute")!;
            Assert.True(NamedFlag(attribute, "Mandatory"));
            Assert.Equal(new[] { "HostName", "Server" }, Aliases(computerName).OrderBy(a => a));
            var credential = Parameter(connect, "Credential")!;
            Assert.Equal(ModuleUnderTest.SmaName + ".PSCredential", credential.PropertyType.FullName);
            Assert.NotNull(Attribute(credential, "CredentialAttribute"));
            Assert.Equal(new[] { "Tls12", "Tls13" }, ArrayArgument(Attribute(Parameter(connect, "TlsProtocol")!, "ValidateSetAttribute")!).Cast<string>());
        }

        [Fact]
        public void Path_and_LiteralPath_are_separate_parameter_sets_with_Path_the_default()
        {
            foreach (var type in module.CmdletTypes.Where(t => Parameter(t, "LiteralPath") != null))
            {
                Assert.Equal("Path", Named(Attribute(type, "CmdletAttribute")!, "DefaultParameterSetName"));
                Assert.Equal("Path", Named(Attribute(Parameter(type, "Path")!, "ParameterAttribute")!, "ParameterSetName"));
                Assert.Equal("LiteralPath", Named(Attribute(Parameter(type, "LiteralPath")!, "ParameterAttribute")!, "ParameterSetName"));
            }
        }

        [Fact]
        public void Receive_refuses_Append()
        {
            var validateSet = Attribute(Parameter(Cmdlet(module, "Receive-FtpItem")!, "IfExists")!, "ValidateSetAttribute")!;
            Assert.Equal(new[] { "Fail", "Overwrite", "Resume", "Skip" }, ArrayArgument(validateSet).Cast<string>().OrderBy(v => v));
        }

        private static Dictionary<string, string> WithSession(params (string Name, string Type)[] parameters)
        {
            var result = parameters.ToDictionary(p => p.Name, p => p.Type);
            result["Session"] = "FtpSession";
            return result;
        }
    }
}
