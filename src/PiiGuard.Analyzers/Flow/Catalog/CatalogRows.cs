using System;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace PiiGuard.Analyzers.Flow.Catalog
{
    /// <summary>Which members of a type a sink row names.</summary>
    internal enum SinkShape
    {
        /// <summary>Methods declared by the type (the arguments are the sink).</summary>
        Method,

        /// <summary>Constructors of the type or of a type derived from it.</summary>
        Constructor,

        /// <summary>Property setters and indexers (<c>this[]</c>) of the type (the value assigned is the sink).</summary>
        Property,

        /// <summary>A collection-valued property whose entries leave the program: <c>Add</c>, <c>TryAdd</c> or an indexer assignment on it.</summary>
        Container,

        /// <summary>Methods called on the value of a property of the type (<c>Console.Out.WriteLine</c>); <see cref="SinkRow.ReceiverMethods"/> names them.</summary>
        Receiver,

        /// <summary>The Invoke method of a delegate whose first parameter is of the type (<c>LoggerMessage.Define</c> delegates).</summary>
        DelegateFirstParameter,
    }

    /// <summary>
    /// One sink of the catalogue: a type (by metadata name), the members it names, the rule its leaks fall under and how
    /// it reads its arguments. A row whose type the compilation does not reference is ignored.
    /// </summary>
    internal sealed class SinkRow
    {
        private SinkRow(SinkShape shape, string type, string members, SinkRule rule, string display, string? parameters, SinkMode mode, string? templateParameter,
            int skipLeading, string? destructureFlag, string? receiverMethods, Func<IMethodSymbol, bool>? when)
        {
            Shape = shape;
            Type = type;
            Members = MemberPattern.Parse(members);
            Rule = rule;
            Display = display;
            Parameters = parameters is null ? null : ImmutableHashSet.Create(StringComparer.Ordinal, parameters.Split(','));
            Mode = mode;
            TemplateParameter = templateParameter;
            SkipLeading = skipLeading;
            DestructureFlag = destructureFlag;
            ReceiverMethods = receiverMethods is null ? null : MemberPattern.Parse(receiverMethods);
            When = when;
        }

        public SinkShape Shape { get; }

        /// <summary>The metadata name of the type (<c>Microsoft.Extensions.Logging.LoggerExtensions</c>, <c>Confluent.Kafka.IProducer`2</c>).</summary>
        public string Type { get; }

        public MemberPattern Members { get; }

        public SinkRule Rule { get; }

        /// <summary>How diagnostics name the sink: <c>{type}</c> is the member's containing type, <c>{member}</c> its name, <c>{receiver}</c> the receiver property.</summary>
        public string Display { get; }

        /// <summary>When set, only the parameters of these names are sinks.</summary>
        public ImmutableHashSet<string>? Parameters { get; }

        public SinkMode Mode { get; }

        /// <summary>The parameter holding a message template whose holes decide, per argument, whether it is destructured (<c>{@x}</c>).</summary>
        public string? TemplateParameter { get; }

        /// <summary>Parameters before this ordinal are not sinks (a metric's measurement).</summary>
        public int SkipLeading { get; }

        /// <summary>The name of a bool parameter that, when true, destructures the value.</summary>
        public string? DestructureFlag { get; }

        /// <summary>For <see cref="SinkShape.Receiver"/>: the methods called on the property's value that are sinks.</summary>
        public MemberPattern? ReceiverMethods { get; }

        /// <summary>An extra condition on the method, for the rare row a name cannot say.</summary>
        public Func<IMethodSymbol, bool>? When { get; }

        public static SinkRow Method(string type, string members, SinkRule rule, string display, string? parameters = null, SinkMode mode = SinkMode.Text,
            string? templateParameter = null, int skipLeading = 0, string? destructureFlag = null, Func<IMethodSymbol, bool>? when = null) =>
            new SinkRow(SinkShape.Method, type, members, rule, display, parameters, mode, templateParameter, skipLeading, destructureFlag, null, when);

        public static SinkRow Constructor(string type, SinkRule rule, string display, string? parameters = null) =>
            new SinkRow(SinkShape.Constructor, type, ".ctor", rule, display, parameters, SinkMode.Text, null, 0, null, null, null);

        public static SinkRow Property(string type, string members, SinkRule rule, string display, SinkMode mode = SinkMode.Text) =>
            new SinkRow(SinkShape.Property, type, members, rule, display, null, mode, null, 0, null, null, null);

        public static SinkRow Container(string type, string property, SinkRule rule, string display) =>
            new SinkRow(SinkShape.Container, type, property, rule, display, null, SinkMode.Text, null, 0, null, null, null);

        public static SinkRow Receiver(string type, string properties, string methods, SinkRule rule, string display) =>
            new SinkRow(SinkShape.Receiver, type, properties, rule, display, null, SinkMode.Text, null, 0, null, methods, null);

        public static SinkRow DelegateFirstParameter(string type, SinkRule rule, string display) =>
            new SinkRow(SinkShape.DelegateFirstParameter, type, "Invoke", rule, display, null, SinkMode.Text, null, 0, null, null, null);

        /// <summary>Whether the row names this member (by name and, for methods, by its extra condition).</summary>
        public bool Matches(ISymbol member)
        {
            string name = member is IPropertySymbol { IsIndexer: true } ? "this[]" : member.Name;
            return Members.Matches(name) && (When is null || member is not IMethodSymbol method || When(method));
        }

        /// <summary>The sink this row makes of a member.</summary>
        public Sink ToSink(ISymbol member, string? receiver = null)
        {
            string display = Display;
            if (display.IndexOf('{') >= 0)
            {
                display = display.Replace("{type}", member.ContainingType?.Name ?? "").Replace("{member}", member.Name).Replace("{receiver}", receiver ?? "");
            }

            return new Sink(Rule, display, Parameters, Mode, TemplateParameter, SkipLeading, DestructureFlag);
        }
    }

    /// <summary>What a method does to the data it is given.</summary>
    internal enum MethodRole
    {
        None,
        Sanitizer,
        UnkeyedHash,
        Serializer,
    }

    /// <summary>
    /// A method that masks, hashes or serialises what it is given: the methods of a type (and, with
    /// <see cref="Inherit"/>, of the types derived from it) whose names match.
    /// </summary>
    internal sealed class RoleRow
    {
        public RoleRow(string type, string members, MethodRole role, bool inherit = false)
        {
            Type = type;
            Members = MemberPattern.Parse(members);
            Role = role;
            Inherit = inherit;
        }

        public string Type { get; }

        public MemberPattern Members { get; }

        public MethodRole Role { get; }

        /// <summary>The row also applies to methods declared by types derived from <see cref="Type"/>.</summary>
        public bool Inherit { get; }
    }

    /// <summary>What a type row says of a type and the types derived from it.</summary>
    internal enum TypeRole
    {
        /// <summary>A stream or writer a serializer writes into: after the call it holds the serialised value.</summary>
        SerializationTarget,

        /// <summary>A parameter of this type is never a sink, whatever its value (an exception, an event id, a logger).</summary>
        NotSinkParameter,

        /// <summary>A value of this type carries no personal data, whatever it was computed from (a call's result, an Identity result).</summary>
        NotCarrier,
    }

    internal sealed class TypeRow
    {
        public TypeRow(string type, TypeRole role, bool inherit = false)
        {
            Type = type;
            Role = role;
            Inherit = inherit;
        }

        public string Type { get; }

        public TypeRole Role { get; }

        public bool Inherit { get; }
    }
}
