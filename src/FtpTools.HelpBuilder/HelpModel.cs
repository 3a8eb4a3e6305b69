using System.Collections.Generic;

namespace FtpTools.HelpBuilder
{
    /// <summary>One cmdlet's help as read from a platyPS (schema 2.0.0) markdown file.</summary>
    public sealed class CommandHelp
    {
        public CommandHelp(string name)
        {
            Name = name;
        }

        public string Name { get; }

        public string Verb => Name.Substring(0, Name.IndexOf('-'));

        public string Noun => Name.Substring(Name.IndexOf('-') + 1);

        public IDictionary<string, string> Metadata { get; } = new Dictionary<string, string>(System.StringComparer.OrdinalIgnoreCase);

        public List<string> Synopsis { get; } = new List<string>();

        public List<string> Description { get; } = new List<string>();

        public List<SyntaxBlock> Syntax { get; } = new List<SyntaxBlock>();

        public List<ExampleHelp> Examples { get; } = new List<ExampleHelp>();

        public List<ParameterHelp> Parameters { get; } = new List<ParameterHelp>();

        public List<TypeHelp> Inputs { get; } = new List<TypeHelp>();

        public List<TypeHelp> Outputs { get; } = new List<TypeHelp>();

        public List<string> Notes { get; } = new List<string>();

        public List<LinkHelp> Links { get; } = new List<LinkHelp>();
    }

    /// <summary>A "### SetName" block of the SYNTAX section (SetName is null when the cmdlet has one parameter set).</summary>
    public sealed class SyntaxBlock
    {
        public SyntaxBlock(string? setName, bool isDefault, string code, IReadOnlyList<string> parameterNames)
        {
            SetName = setName;
            IsDefault = isDefault;
            Code = code;
            ParameterNames = parameterNames;
        }

        public string? SetName { get; }

        public bool IsDefault { get; }

        public string Code { get; }

        /// <summary>The parameters in the order the syntax line shows them, without the leading dash.</summary>
        public IReadOnlyList<string> ParameterNames { get; }
    }

    public sealed class ExampleHelp
    {
        public ExampleHelp(string title, string code, IReadOnlyList<string> remarks)
        {
            Title = title;
            Code = code;
            Remarks = remarks;
        }

        public string Title { get; }

        public string Code { get; }

        public IReadOnlyList<string> Remarks { get; }
    }

    public sealed class ParameterHelp
    {
        public ParameterHelp(string name, IReadOnlyList<string> description)
        {
            Name = name;
            Description = description;
        }

        public string Name { get; }

        public IReadOnlyList<string> Description { get; }

        /// <summary>One or more yaml blocks; platyPS writes several when a parameter differs between parameter sets.</summary>
        public List<ParameterYaml> Blocks { get; } = new List<ParameterYaml>();
    }

    public sealed class ParameterYaml
    {
        public string Type { get; set; } = string.Empty;

        /// <summary>Empty for "(All)".</summary>
        public List<string> ParameterSets { get; } = new List<string>();

        public List<string> Aliases { get; } = new List<string>();

        public List<string> AcceptedValues { get; } = new List<string>();

        public bool Required { get; set; }

        /// <summary>"named" or a number.</summary>
        public string Position { get; set; } = "named";

        public string DefaultValue { get; set; } = "None";

        public string PipelineInput { get; set; } = "False";

        public bool Globbing { get; set; }

        public bool AppliesTo(string? setName) => ParameterSets.Count == 0 || setName is null || ParameterSets.Contains(setName);

        public bool IsSwitch => Type == "SwitchParameter" || Type == "System.Management.Automation.SwitchParameter";
    }

    public sealed class TypeHelp
    {
        public TypeHelp(string typeName, IReadOnlyList<string> description)
        {
            TypeName = typeName;
            Description = description;
        }

        public string TypeName { get; }

        public IReadOnlyList<string> Description { get; }
    }

    public sealed class LinkHelp
    {
        public LinkHelp(string text, string uri)
        {
            Text = text;
            Uri = uri;
        }

        public string Text { get; }

        public string Uri { get; }
    }
}
