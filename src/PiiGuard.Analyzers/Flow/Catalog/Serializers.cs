using System.Collections.Immutable;

namespace PiiGuard.Analyzers.Flow.Catalog
{
    /// <summary>
    /// Serializers read objects by reflection: a masked ToString does not protect what they write (DESIGN.md), so their
    /// output carries the whole object. Also the streams and writers they write into, which then hold the serialised text.
    /// </summary>
    internal static class Serializers
    {
        public static readonly ImmutableArray<RoleRow> Rows = ImmutableArray.Create(
            new RoleRow("System.Text.Json.JsonSerializer", "Serialize*", MethodRole.Serializer),
            new RoleRow("Newtonsoft.Json.JsonConvert", "SerializeObject", MethodRole.Serializer),
            new RoleRow("System.BinaryData", "FromObjectAsJson", MethodRole.Serializer),
            new RoleRow("System.Xml.Serialization.XmlSerializer", "Serialize|WriteObject|WriteObjectContent", MethodRole.Serializer, inherit: true),
            new RoleRow("System.Runtime.Serialization.XmlObjectSerializer", "Serialize|WriteObject|WriteObjectContent", MethodRole.Serializer, inherit: true),
            new RoleRow("Newtonsoft.Json.JsonSerializer", "Serialize|WriteObject|WriteObjectContent", MethodRole.Serializer, inherit: true));

        public static readonly ImmutableArray<TypeRow> Targets = ImmutableArray.Create(
            new TypeRow("System.IO.Stream", TypeRole.SerializationTarget, inherit: true),
            new TypeRow("System.IO.TextWriter", TypeRole.SerializationTarget, inherit: true),
            new TypeRow("System.Xml.XmlWriter", TypeRole.SerializationTarget, inherit: true),
            new TypeRow("System.Text.Json.Utf8JsonWriter", TypeRole.SerializationTarget, inherit: true),
            new TypeRow("Newtonsoft.Json.JsonWriter", TypeRole.SerializationTarget, inherit: true));
    }
}
