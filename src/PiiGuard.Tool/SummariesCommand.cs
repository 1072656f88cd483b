using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using PiiGuard.Analyzers.Flow;

namespace PiiGuard.Tool
{
    /// <summary>
    /// <c>piiguard summaries &lt;assembly.dll&gt;</c>: lists the facts a compiled assembly carries for the projects and packages
    /// that reference it (docs/summaries.md), read from its metadata without loading it.
    /// </summary>
    internal static class SummariesCommand
    {
        public const string Usage = "usage: piiguard summaries <assembly.dll>   list the PiiGuard summaries an assembly carries (docs/summaries.md)";

        /// <summary>The exit code when <paramref name="args"/> is the summaries command, otherwise null (the scanner's command line).</summary>
        public static int? TryRun(string[] args, TextWriter output, TextWriter error)
        {
            if (args.Length == 0 || args[0] != "summaries")
            {
                return null;
            }

            if (args.Length != 2 || args[1] is "-h" or "--help")
            {
                (args.Length == 2 ? output : error).WriteLine(Usage);
                return args.Length == 2 ? 0 : 2;
            }

            string path = Path.GetFullPath(args[1]);
            string? payload;
            try
            {
                payload = ReadPayload(path);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or BadImageFormatException or InvalidOperationException)
            {
                error.WriteLine("piiguard: cannot read " + path + ": " + e.Message);
                return 2;
            }

            string name = Path.GetFileName(path);
            if (payload is null)
            {
                output.WriteLine(name + " carries no PiiGuard summaries (built without PiiGuard, with PiiGuardSummaries=false, or by a version before summaries).");
                return 0;
            }

            Dictionary<string, SummaryFacts>? facts = SummaryFormat.Read(payload);
            if (facts is null)
            {
                string version = payload.Split('\n')[0];
                output.WriteLine(name + " carries PiiGuard summaries in format '" + version + "', which this piiguard does not read (it reads format " + SummaryFormat.Version + ").");
                return 0;
            }

            output.WriteLine(string.Format(CultureInfo.InvariantCulture, "{0}: PiiGuard summaries, format {1}, {2} method(s), {3} bytes", name, SummaryFormat.Version, facts.Count, System.Text.Encoding.UTF8.GetByteCount(payload)));
            var ids = new List<string>(facts.Keys);
            ids.Sort(StringComparer.Ordinal);
            foreach (string id in ids)
            {
                Describe(facts[id], output);
            }

            return 0;
        }

        private static void Describe(SummaryFacts fact, TextWriter output)
        {
            output.WriteLine(fact.DocId);
            foreach (SinkFact sink in fact.Sinks)
            {
                output.WriteLine(string.Format(CultureInfo.InvariantCulture, "  parameter #{0} reaches {1} ({2})", sink.Ordinal, sink.Display, SummaryFormat.RuleId(sink.Rule)));
            }

            if (fact.Returned is { } returned)
            {
                string shape = returned.Hashed ? ", through an unkeyed hash" : returned.Whole ? ", a whole object holding " + (returned.Kinds ?? returned.Kind) : string.Empty;
                string origin = returned.Origin is { Length: > 0 } o ? ", from " + o : string.Empty;
                output.WriteLine("  returns " + returned.Display + " (" + returned.Kind + (returned.Sensitive ? ", sensitive" : string.Empty) + shape + origin + ")");
            }

            if (fact.Parameters != 0)
            {
                output.WriteLine("  returns what parameter(s) " + Ordinals(fact.Parameters) + " carry");
            }

            if (fact.HashedParameters != 0)
            {
                output.WriteLine("  returns an unkeyed hash of parameter(s) " + Ordinals(fact.HashedParameters));
            }

            if (fact.Clean)
            {
                // A masking helper and a method that only reads a length or a count both record this: say what is known.
                output.WriteLine("  returns nothing personal of its arguments");
            }
        }

        private static string Ordinals(ulong bits)
        {
            var list = new List<string>();
            for (int i = 0; i < 64; i++)
            {
                if ((bits & (1UL << i)) != 0)
                {
                    list.Add("#" + i.ToString(CultureInfo.InvariantCulture));
                }
            }

            return string.Join(", ", list);
        }

        /// <summary>The value of the assembly's AssemblyMetadata("PiiGuard.Summaries", …), or null.</summary>
        internal static string? ReadPayload(string path)
        {
            using FileStream stream = File.OpenRead(path);
            using var pe = new PEReader(stream);
            if (!pe.HasMetadata)
            {
                throw new BadImageFormatException("not a .NET assembly");
            }

            MetadataReader reader = pe.GetMetadataReader();
            if (!reader.IsAssembly)
            {
                throw new BadImageFormatException("a module, not an assembly");
            }

            foreach (CustomAttributeHandle handle in reader.GetAssemblyDefinition().GetCustomAttributes())
            {
                CustomAttribute attribute = reader.GetCustomAttribute(handle);
                if (!IsAssemblyMetadataAttribute(reader, attribute.Constructor))
                {
                    continue;
                }

                BlobReader blob = reader.GetBlobReader(attribute.Value);
                if (blob.Length < 2 || blob.ReadUInt16() != 1)
                {
                    continue;
                }

                if (blob.ReadSerializedString() == SummaryFormat.MetadataKey)
                {
                    return blob.ReadSerializedString();
                }
            }

            return null;
        }

        private static bool IsAssemblyMetadataAttribute(MetadataReader reader, EntityHandle constructor)
        {
            EntityHandle type = constructor.Kind switch
            {
                HandleKind.MemberReference => reader.GetMemberReference((MemberReferenceHandle)constructor).Parent,
                HandleKind.MethodDefinition => reader.GetMethodDefinition((MethodDefinitionHandle)constructor).GetDeclaringType(),
                _ => default,
            };

            return type.Kind switch
            {
                HandleKind.TypeReference => reader.GetString(reader.GetTypeReference((TypeReferenceHandle)type).Name) == "AssemblyMetadataAttribute"
                    && reader.GetString(reader.GetTypeReference((TypeReferenceHandle)type).Namespace) == "System.Reflection",
                HandleKind.TypeDefinition => reader.GetString(reader.GetTypeDefinition((TypeDefinitionHandle)type).Name) == "AssemblyMetadataAttribute"
                    && reader.GetString(reader.GetTypeDefinition((TypeDefinitionHandle)type).Namespace) == "System.Reflection",
                _ => false,
            };
        }
    }
}
