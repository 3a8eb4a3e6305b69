using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Linq;
using System.Reflection;

namespace FtpTools.Module.Tests
{
    /// <summary>Reads cmdlet and parameter attributes as data (CustomAttributeData), since types in a MetadataLoadContext cannot be instantiated.</summary>
    public static class CmdletMetadata
    {
        public static CustomAttributeData? Attribute(MemberInfo member, string shortName) =>
            member.GetCustomAttributesData().FirstOrDefault(a => a.AttributeType.FullName == ModuleUnderTest.SmaName + "." + shortName);

        public static IEnumerable<CustomAttributeData> Attributes(MemberInfo member, string shortName) =>
            member.GetCustomAttributesData().Where(a => a.AttributeType.FullName == ModuleUnderTest.SmaName + "." + shortName);

        public static object? Named(CustomAttributeData attribute, string name) =>
            attribute.NamedArguments.Where(a => a.MemberName == name).Select(a => a.TypedValue.Value).FirstOrDefault();

        public static bool NamedFlag(CustomAttributeData attribute, string name) => Named(attribute, name) is bool flag && flag;

        public static string Verb(Type cmdlet) => (string)Attribute(cmdlet, "CmdletAttribute")!.ConstructorArguments[0].Value!;

        public static string Noun(Type cmdlet) => (string)Attribute(cmdlet, "CmdletAttribute")!.ConstructorArguments[1].Value!;

        public static string Name(Type cmdlet) => Verb(cmdlet) + "-" + Noun(cmdlet);

        /// <summary>Values of a params-array constructor argument ([Alias("a","b")], [OutputType(typeof(x))]).</summary>
        public static IReadOnlyList<object?> ArrayArgument(CustomAttributeData attribute)
        {
            var argument = attribute.ConstructorArguments[0];
            if (argument.Value is ReadOnlyCollection<CustomAttributeTypedArgument> values) return values.Select(v => v.Value).ToList();
            return new[] { argument.Value };
        }

        public static PropertyInfo? Parameter(Type cmdlet, string name) =>
            cmdlet.GetProperties(BindingFlags.Public | BindingFlags.Instance)
                .FirstOrDefault(p => p.Name == name && Attribute(p, "ParameterAttribute") != null);

        public static IReadOnlyList<PropertyInfo> Parameters(Type cmdlet) =>
            cmdlet.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => Attribute(p, "ParameterAttribute") != null).ToList();

        public static IReadOnlyList<string> Aliases(PropertyInfo parameter) =>
            Attributes(parameter, "AliasAttribute").SelectMany(ArrayArgument).Cast<string>().ToList();

        public static Type? Cmdlet(ModuleUnderTest module, string name) => module.CmdletTypes.FirstOrDefault(t => Name(t) == name);
    }
}
