using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using PiiGuard.Analyzers.Core;

namespace PiiGuard.Analyzers.Flow
{
    /// <summary>
    /// Every well-known type the leak analysis needs, resolved once per compilation, and the classification of methods,
    /// constructors and properties as sinks, sanitizers, hashes and serializers, cached per symbol.
    /// </summary>
    internal sealed class KnownSymbols
    {
        private static readonly ImmutableHashSet<string> LogLevels = ImmutableHashSet.Create(
            "Verbose", "Trace", "Debug", "Information", "Info", "Warning", "Warn", "Error", "Fatal", "Critical", "Write", "Log");

        private static readonly ImmutableHashSet<string> SubjectAndBody = ImmutableHashSet.Create("subject", "body");

        private readonly ConcurrentDictionary<IMethodSymbol, Sink?> _methodSinks = SymbolCache.Create<IMethodSymbol, Sink?>();
        private readonly ConcurrentDictionary<IPropertySymbol, Sink?> _propertySinks = SymbolCache.Create<IPropertySymbol, Sink?>();
        private readonly ConcurrentDictionary<IMethodSymbol, MethodRole> _roles = SymbolCache.Create<IMethodSymbol, MethodRole>();
        private readonly Func<IMethodSymbol, Sink?> _computeMethodSink;
        private readonly Func<IPropertySymbol, Sink?> _computePropertySink;
        private readonly Func<IMethodSymbol, MethodRole> _computeRole;
        private readonly Dictionary<INamedTypeSymbol, Func<IMethodSymbol, Sink?>> _methodRules = new Dictionary<INamedTypeSymbol, Func<IMethodSymbol, Sink?>>(SymbolEqualityComparer.Default);
        private readonly Dictionary<IPropertySymbol, Sink> _containers = new Dictionary<IPropertySymbol, Sink>(SymbolEqualityComparer.Default);
        private readonly Dictionary<INamedTypeSymbol, Func<IPropertySymbol, Sink?>> _propertyRules = new Dictionary<INamedTypeSymbol, Func<IPropertySymbol, Sink?>>(SymbolEqualityComparer.Default);

        /// <summary>XmlSerializer, XmlObjectSerializer (DataContractSerializer, DataContractJsonSerializer), Newtonsoft's JsonSerializer.</summary>
        private readonly INamedTypeSymbol?[] _serializerTypes;

        /// <summary>Where a serializer writes: Stream, TextWriter, XmlWriter, Utf8JsonWriter, Newtonsoft's JsonWriter.</summary>
        private readonly INamedTypeSymbol?[] _serializationTargets;

        public KnownSymbols(Compilation compilation, PiiSymbols pii, PiiGuardOptions options)
        {
            _computeMethodSink = ComputeMethodSink;
            _computePropertySink = ComputePropertySink;
            _computeRole = ComputeRole;
            Pii = pii;
            Options = options;
            Compilation = compilation;
            Exception = Type("System.Exception");
            Console = Type("System.Console");
            Logger = Type("Microsoft.Extensions.Logging.ILogger");
            LoggerMessageAttribute = Type("Microsoft.Extensions.Logging.LoggerMessageAttribute");
            EventId = Type("Microsoft.Extensions.Logging.EventId");
            CancellationToken = Type("System.Threading.CancellationToken");
            HashAlgorithm = Type("System.Security.Cryptography.HashAlgorithm");
            KeyedHashAlgorithm = Type("System.Security.Cryptography.KeyedHashAlgorithm");
            CryptographicOperations = Type("System.Security.Cryptography.CryptographicOperations");
            Redactor = Type("Microsoft.Extensions.Compliance.Redaction.Redactor");
            JsonSerializer = Type("System.Text.Json.JsonSerializer");
            NewtonsoftJsonConvert = Type("Newtonsoft.Json.JsonConvert");
            _serializerTypes = new[]
            {
                Type("System.Xml.Serialization.XmlSerializer"),
                Type("System.Runtime.Serialization.XmlObjectSerializer"),
                Type("Newtonsoft.Json.JsonSerializer"),
            };
            BinaryData = Type("System.BinaryData");
            _serializationTargets = new[]
            {
                Type("System.IO.Stream"),
                Type("System.IO.TextWriter"),
                Type("System.Xml.XmlWriter"),
                Type("System.Text.Json.Utf8JsonWriter"),
                Type("Newtonsoft.Json.JsonWriter"),
            };
            ExceptionData = Exception?.GetMembers("Data").Length > 0 ? Exception.GetMembers("Data")[0] as IPropertySymbol : null;

            // PII001: logs.
            Add("Microsoft.Extensions.Logging.LoggerExtensions", m => m.Name.StartsWith("Log", StringComparison.Ordinal) || m.Name == "BeginScope" ? new Sink(SinkRule.Log, "ILogger." + m.Name) : null);
            Add("Microsoft.Extensions.Logging.ILogger", m => m.Name == "Log" || m.Name == "BeginScope" ? new Sink(SinkRule.Log, "ILogger." + m.Name) : null);
            Func<IMethodSymbol, Sink?> serilog = m => LogLevels.Contains(m.Name) ? new Sink(SinkRule.Log, m.ContainingType.Name + "." + m.Name, serilogTemplate: true)
                : m.Name == "ForContext" && m.Parameters.Length >= 2 && m.Parameters[0].Type.SpecialType == SpecialType.System_String ? new Sink(SinkRule.Log, m.ContainingType.Name + ".ForContext", ImmutableHashSet.Create("value"), destructureFlag: "destructureObjects")
                : null;
            Add("Serilog.Log", serilog);
            Add("Serilog.ILogger", serilog);
            Add("Serilog.Core.Logger", serilog);
            Add("Serilog.Context.LogContext", m => m.Name == "PushProperty" ? new Sink(SinkRule.Log, "LogContext.PushProperty", ImmutableHashSet.Create("value"), destructureFlag: "destructureObjects") : null);
            Func<IMethodSymbol, Sink?> nlog = m => LogLevels.Contains(m.Name) || m.Name.StartsWith("Conditional", StringComparison.Ordinal) || m.Name == "WithProperty" || m.Name == "WithProperties" || m.Name == "PushScopeProperty" || m.Name == "PushScopeNested"
                ? new Sink(SinkRule.Log, m.ContainingType.Name + "." + m.Name) : null;
            Add("NLog.Logger", nlog);
            Add("NLog.ILogger", nlog);
            Add("NLog.ILoggerBase", nlog);
            Add("NLog.ILoggerExtensions", nlog);
            Func<IMethodSymbol, Sink?> nlogContext = m => m.Name.StartsWith("Push", StringComparison.Ordinal) || m.Name == "Set" ? new Sink(SinkRule.Log, m.ContainingType.Name + "." + m.Name) : null;
            Add("NLog.ScopeContext", nlogContext);
            Add("NLog.MappedDiagnosticsLogicalContext", nlogContext);
            Add("NLog.MappedDiagnosticsContext", nlogContext);
            Add("NLog.GlobalDiagnosticsContext", nlogContext);
            Add("NLog.NestedDiagnosticsLogicalContext", nlogContext);
            Add("NLog.LogEventBuilder", m => m.Name is "Message" or "Property" or "Properties" ? new Sink(SinkRule.Log, "LogEventBuilder." + m.Name) : null);
            Add("log4net.ILog", m => new Sink(SinkRule.Log, "ILog." + m.Name));
            Add("log4net.Util.ThreadContextStack", m => m.Name == "Push" ? new Sink(SinkRule.Log, "ThreadContext.Stacks.Push") : null);
            Add("log4net.Util.LogicalThreadContextStack", m => m.Name == "Push" ? new Sink(SinkRule.Log, "LogicalThreadContext.Stacks.Push") : null);
            AddProperty("log4net.Util.ThreadContextProperties", p => p.IsIndexer ? new Sink(SinkRule.Log, "ThreadContext.Properties") : null);
            AddProperty("log4net.Util.LogicalThreadContextProperties", p => p.IsIndexer ? new Sink(SinkRule.Log, "LogicalThreadContext.Properties") : null);
            AddProperty("log4net.Util.GlobalContextProperties", p => p.IsIndexer ? new Sink(SinkRule.Log, "GlobalContext.Properties") : null);
            Add("System.Console", m => m.Name == "Write" || m.Name == "WriteLine" ? new Sink(SinkRule.Log, "Console." + m.Name) : null);
            Func<IMethodSymbol, Sink?> debug = m => m.Name.StartsWith("Write", StringComparison.Ordinal) || m.Name.StartsWith("Trace", StringComparison.Ordinal) || m.Name == "Print" || m.Name == "Fail" || m.Name == "Assert"
                ? new Sink(SinkRule.Log, m.ContainingType.Name + "." + m.Name) : null;
            Add("System.Diagnostics.Debug", debug);
            Add("System.Diagnostics.Trace", debug);
            Add("System.Diagnostics.TraceSource", debug);
            Add("System.Diagnostics.EventLog", m => m.Name == "WriteEntry" || m.Name == "WriteEvent" ? new Sink(SinkRule.Log, "EventLog." + m.Name) : null);

            // PII002: leaving the process.
            Add("System.Net.Http.HttpClient", m => m.Name.EndsWith("Async", StringComparison.Ordinal) && m.Name != "SendAsync" ? new Sink(SinkRule.Egress, "HttpClient." + m.Name) : null);
            Add("System.Net.Http.Json.HttpClientJsonExtensions", m => new Sink(SinkRule.Egress, "HttpClient." + m.Name, mode: SinkMode.Destructure));
            Add("System.Net.Http.Json.JsonContent", m => m.Name == "Create" ? new Sink(SinkRule.Egress, "JsonContent.Create", mode: SinkMode.Destructure) : null);
            Add("System.Net.Http.StringContent", m => m.MethodKind == MethodKind.Constructor ? new Sink(SinkRule.Egress, "new StringContent", ImmutableHashSet.Create("content")) : null);
            Add("System.Net.Http.ByteArrayContent", m => m.MethodKind == MethodKind.Constructor ? new Sink(SinkRule.Egress, "new ByteArrayContent", ImmutableHashSet.Create("content")) : null);
            Add("System.Net.Http.FormUrlEncodedContent", m => m.MethodKind == MethodKind.Constructor ? new Sink(SinkRule.Egress, "new FormUrlEncodedContent") : null);
            Add("System.Net.Http.HttpRequestMessage", m => m.MethodKind == MethodKind.Constructor ? new Sink(SinkRule.Egress, "new HttpRequestMessage", ImmutableHashSet.Create("requestUri")) : null);
            AddProperty("System.Net.Http.HttpRequestMessage", p => p.Name == "RequestUri" || p.Name == "Content" ? new Sink(SinkRule.Egress, "HttpRequestMessage." + p.Name) : null);
            AddProperty("System.Net.Http.HttpClient", p => p.Name == "BaseAddress" ? new Sink(SinkRule.Egress, "HttpClient.BaseAddress") : null);
            Add("System.Net.Http.StreamContent", m => m.MethodKind == MethodKind.Constructor ? new Sink(SinkRule.Egress, "new StreamContent", ImmutableHashSet.Create("content")) : null);
            Add("System.Net.Http.ReadOnlyMemoryContent", m => m.MethodKind == MethodKind.Constructor ? new Sink(SinkRule.Egress, "new ReadOnlyMemoryContent", ImmutableHashSet.Create("content")) : null);
            Add("System.Net.Http.Headers.HttpHeaders", m => m.Name == "Add" || m.Name == "TryAddWithoutValidation" ? new Sink(SinkRule.Egress, "HttpHeaders." + m.Name, ImmutableHashSet.Create("value", "values")) : null);
            Add("System.Net.WebClient", m => m.Name.StartsWith("Download", StringComparison.Ordinal) || m.Name.StartsWith("Upload", StringComparison.Ordinal) || m.Name.StartsWith("Open", StringComparison.Ordinal)
                ? new Sink(SinkRule.Egress, "WebClient." + m.Name) : null);
            Add("System.Net.WebHeaderCollection", m => m.Name is "Add" or "Set" ? new Sink(SinkRule.Egress, "WebHeaderCollection." + m.Name, ImmutableHashSet.Create("value")) : null);
            AddProperty("System.Net.WebHeaderCollection", p => p.IsIndexer ? new Sink(SinkRule.Egress, "WebHeaderCollection") : null);
            Add("System.Net.Mail.MailMessage", m => m.MethodKind == MethodKind.Constructor ? new Sink(SinkRule.Egress, "new MailMessage", SubjectAndBody) : null);
            AddProperty("System.Net.Mail.MailMessage", p => p.Name == "Subject" || p.Name == "Body" ? new Sink(SinkRule.Egress, "MailMessage." + p.Name) : null);
            Add("System.Net.Mail.SmtpClient", m => m.Name.StartsWith("Send", StringComparison.Ordinal) ? new Sink(SinkRule.Egress, "SmtpClient." + m.Name, SubjectAndBody) : null);
            Add("MimeKit.MimeMessage", m => m.MethodKind == MethodKind.Constructor ? new Sink(SinkRule.Egress, "new MimeMessage", ImmutableHashSet.Create("subject")) : null);
            AddProperty("MimeKit.MimeMessage", p => p.Name == "Subject" ? new Sink(SinkRule.Egress, "MimeMessage.Subject") : null);
            AddProperty("MimeKit.TextPart", p => p.Name == "Text" ? new Sink(SinkRule.Egress, "TextPart.Text") : null);
            Add("MimeKit.TextPart", m => m.Name == "SetText" ? new Sink(SinkRule.Egress, "TextPart.SetText", ImmutableHashSet.Create("text")) : null);
            AddProperty("MimeKit.BodyBuilder", p => p.Name == "TextBody" || p.Name == "HtmlBody" ? new Sink(SinkRule.Egress, "BodyBuilder." + p.Name) : null);
            Func<IMethodSymbol, Sink?> rabbit = m => m.Name.StartsWith("BasicPublish", StringComparison.Ordinal) ? new Sink(SinkRule.Egress, m.ContainingType.Name + "." + m.Name, ImmutableHashSet.Create("body", "routingKey")) : null;
            Add("RabbitMQ.Client.IChannel", rabbit);
            Add("RabbitMQ.Client.IChannelExtensions", rabbit);
            Add("RabbitMQ.Client.IModel", rabbit);
            Add("RabbitMQ.Client.IModelExensions", rabbit);
            Add("RabbitMQ.Client.IModelExtensions", rabbit);
            Func<IMethodSymbol, Sink?> kafka = m => m.Name == "Produce" || m.Name == "ProduceAsync" ? new Sink(SinkRule.Egress, "IProducer." + m.Name, ImmutableHashSet.Create("message", "topic")) : null;
            // A Kafka message's key and value are written by the producer's serializers (JSON, Avro, Protobuf), which read objects by reflection.
            AddProperty("Confluent.Kafka.Message`2", p => p.Name is "Key" or "Value" ? new Sink(SinkRule.Egress, "Message." + p.Name, mode: SinkMode.Destructure) : null);
            Add("Confluent.Kafka.IProducer`2", kafka);
            Add("Confluent.Kafka.Producer`2", kafka);
            Add("Confluent.Kafka.Headers", m => m.Name == "Add" ? new Sink(SinkRule.Egress, "Headers.Add") : null);
            Add("Azure.Messaging.ServiceBus.ServiceBusMessage", m => m.MethodKind == MethodKind.Constructor ? new Sink(SinkRule.Egress, "new ServiceBusMessage", ImmutableHashSet.Create("body")) : null);
            AddProperty("Azure.Messaging.ServiceBus.ServiceBusMessage", p => p.Name is "Body" or "Subject" or "CorrelationId" or "MessageId" or "SessionId" or "PartitionKey" ? new Sink(SinkRule.Egress, "ServiceBusMessage." + p.Name) : null);
            Add("Grpc.Core.Metadata", m => m.Name == "Add" ? new Sink(SinkRule.Egress, "Metadata.Add", ImmutableHashSet.Create("value", "valueBytes", "item")) : null);

            AddContainer("Azure.Messaging.ServiceBus.ServiceBusMessage", "ApplicationProperties", new Sink(SinkRule.Egress, "ServiceBusMessage.ApplicationProperties"));
            AddContainer("RabbitMQ.Client.BasicProperties", "Headers", new Sink(SinkRule.Egress, "BasicProperties.Headers"));
            AddContainer("Microsoft.ApplicationInsights.DataContracts.EventTelemetry", "Properties", new Sink(SinkRule.Telemetry, "EventTelemetry.Properties"));
            AddContainer("Microsoft.ApplicationInsights.DataContracts.TraceTelemetry", "Properties", new Sink(SinkRule.Telemetry, "TraceTelemetry.Properties"));
            AddContainer("Microsoft.ApplicationInsights.DataContracts.RequestTelemetry", "Properties", new Sink(SinkRule.Telemetry, "RequestTelemetry.Properties"));
            AddContainer("Microsoft.ApplicationInsights.DataContracts.DependencyTelemetry", "Properties", new Sink(SinkRule.Telemetry, "DependencyTelemetry.Properties"));
            AddContainer("Microsoft.ApplicationInsights.DataContracts.ExceptionTelemetry", "Properties", new Sink(SinkRule.Telemetry, "ExceptionTelemetry.Properties"));
            AddContainer("Microsoft.ApplicationInsights.DataContracts.PageViewTelemetry", "Properties", new Sink(SinkRule.Telemetry, "PageViewTelemetry.Properties"));
            AddContainer("Microsoft.ApplicationInsights.DataContracts.AvailabilityTelemetry", "Properties", new Sink(SinkRule.Telemetry, "AvailabilityTelemetry.Properties"));
            AddContainer("Microsoft.ApplicationInsights.DataContracts.MetricTelemetry", "Properties", new Sink(SinkRule.Telemetry, "MetricTelemetry.Properties"));
            AddContainer("Microsoft.ApplicationInsights.DataContracts.TelemetryContext", "GlobalProperties", new Sink(SinkRule.Telemetry, "TelemetryContext.GlobalProperties"));
            if (ExceptionData != null)
            {
                _containers[ExceptionData] = new Sink(SinkRule.Exception, "Exception.Data");
            }

            // PII003: telemetry.
            Add("System.Diagnostics.Activity", m => m.Name is "SetTag" or "AddTag" or "SetBaggage" or "AddBaggage" or "SetStatus" or "AddEvent" or "SetCustomProperty" or "AddLink" or "AddException"
                ? new Sink(SinkRule.Telemetry, "Activity." + m.Name) : null);
            Add("System.Diagnostics.ActivitySource", m => m.Name is "StartActivity" or "CreateActivity" ? new Sink(SinkRule.Telemetry, "ActivitySource." + m.Name, ImmutableHashSet.Create("tags", "links")) : null);
            Add("System.Diagnostics.TagList", m => m.Name == "Add" || m.MethodKind == MethodKind.Constructor ? new Sink(SinkRule.Telemetry, "TagList." + (m.MethodKind == MethodKind.Constructor ? "ctor" : m.Name)) : null);
            Func<IMethodSymbol, Sink?> metric = m => m.Name is "Add" or "Record" ? new Sink(SinkRule.Telemetry, m.ContainingType.Name + "." + m.Name, skipLeading: 1) : null;
            Add("System.Diagnostics.Metrics.Counter`1", metric);
            Add("System.Diagnostics.Metrics.UpDownCounter`1", metric);
            Add("System.Diagnostics.Metrics.Histogram`1", metric);
            Add("System.Diagnostics.Metrics.Gauge`1", metric);
            Add("OpenTelemetry.Trace.TelemetrySpan", m => m.Name is "SetAttribute" or "AddEvent" or "UpdateName" ? new Sink(SinkRule.Telemetry, "TelemetrySpan." + m.Name) : null);
            Add("OpenTelemetry.Trace.SpanAttributes", m => m.Name == "Add" ? new Sink(SinkRule.Telemetry, "SpanAttributes.Add") : null);
            Add("Microsoft.ApplicationInsights.TelemetryClient", m => m.Name.StartsWith("Track", StringComparison.Ordinal) ? new Sink(SinkRule.Telemetry, "TelemetryClient." + m.Name) : null);
            Add("Microsoft.ApplicationInsights.DataContracts.TraceTelemetry", m => m.MethodKind == MethodKind.Constructor ? new Sink(SinkRule.Telemetry, "new TraceTelemetry", ImmutableHashSet.Create("message")) : null);
            AddProperty("Microsoft.ApplicationInsights.DataContracts.TraceTelemetry", p => p.Name == "Message" ? new Sink(SinkRule.Telemetry, "TraceTelemetry.Message") : null);
            Add("Microsoft.ApplicationInsights.DataContracts.EventTelemetry", m => m.MethodKind == MethodKind.Constructor ? new Sink(SinkRule.Telemetry, "new EventTelemetry", ImmutableHashSet.Create("name")) : null);
            AddProperty("Microsoft.ApplicationInsights.DataContracts.EventTelemetry", p => p.Name == "Name" ? new Sink(SinkRule.Telemetry, "EventTelemetry.Name") : null);
            AddProperty("Microsoft.ApplicationInsights.DataContracts.ExceptionTelemetry", p => p.Name == "Message" ? new Sink(SinkRule.Telemetry, "ExceptionTelemetry.Message") : null);
            AddProperty("Microsoft.ApplicationInsights.Extensibility.Implementation.UserContext", p => p.Name is "Id" or "AuthenticatedUserId" or "AccountId" ? new Sink(SinkRule.Telemetry, "UserContext." + p.Name) : null);
        }

        public Compilation Compilation { get; }

        public PiiSymbols Pii { get; }

        public PiiGuardOptions Options { get; }

        public INamedTypeSymbol? Exception { get; }

        public INamedTypeSymbol? Console { get; }


        public INamedTypeSymbol? Logger { get; }

        public INamedTypeSymbol? LoggerMessageAttribute { get; }

        public INamedTypeSymbol? EventId { get; }

        public INamedTypeSymbol? CancellationToken { get; }

        public INamedTypeSymbol? HashAlgorithm { get; }

        public INamedTypeSymbol? KeyedHashAlgorithm { get; }

        public INamedTypeSymbol? CryptographicOperations { get; }

        public INamedTypeSymbol? Redactor { get; }

        public INamedTypeSymbol? JsonSerializer { get; }

        public INamedTypeSymbol? NewtonsoftJsonConvert { get; }

        public INamedTypeSymbol? BinaryData { get; }



        public IPropertySymbol? ExceptionData { get; }

        /// <summary>The sink a method or constructor is, or null.</summary>
        public Sink? GetMethodSink(IMethodSymbol method) =>
            _methodSinks.GetOrAdd(method.MethodKind == MethodKind.DelegateInvoke ? method : method.OriginalDefinition, _computeMethodSink);

        /// <summary>The sink a property setter (or indexer) is, or null.</summary>
        public Sink? GetPropertySink(IPropertySymbol property) => _propertySinks.GetOrAdd(property.OriginalDefinition, _computePropertySink);

        /// <summary>What a method does to the data it is given.</summary>
        public MethodRole GetRole(IMethodSymbol method) => _roles.GetOrAdd(method.OriginalDefinition, _computeRole);

        public bool IsException(ITypeSymbol? type) => Exception != null && InheritsFrom(type, Exception);

        public static bool InheritsFrom(ITypeSymbol? type, INamedTypeSymbol baseType)
        {
            for (ITypeSymbol? t = type; t != null; t = t.BaseType)
            {
                if (SymbolEqualityComparer.Default.Equals(t.OriginalDefinition, baseType))
                {
                    return true;
                }
            }

            return false;
        }

        private INamedTypeSymbol? Type(string name) => Compilation.GetTypeByMetadataName(name);

        private void Add(string typeName, Func<IMethodSymbol, Sink?> rule)
        {
            INamedTypeSymbol? type = Type(typeName);
            if (type != null)
            {
                _methodRules[type] = rule;
            }
        }

        /// <summary>
        /// The sink of a collection-valued property whose entries leave the program (Exception.Data, ServiceBusMessage.ApplicationProperties):
        /// an indexer assignment or Add on it is a sink.
        /// </summary>
        public Sink? GetContainerSink(IPropertySymbol property) => _containers.TryGetValue(property.OriginalDefinition, out Sink? sink) ? sink : null;

        private void AddContainer(string typeName, string propertyName, Sink sink)
        {
            if (Type(typeName) is { } type)
            {
                foreach (ISymbol member in type.GetMembers(propertyName))
                {
                    if (member is IPropertySymbol property)
                    {
                        _containers[property] = sink;
                    }
                }
            }
        }

        private void AddProperty(string typeName, Func<IPropertySymbol, Sink?> rule)
        {
            INamedTypeSymbol? type = Type(typeName);
            if (type != null)
            {
                _propertyRules[type] = rule;
            }
        }

        private Sink? ComputeMethodSink(IMethodSymbol method)
        {
            if (Options.Sinks.TryGetValue(method, out SinkRule configured))
            {
                return new Sink(configured, method.ContainingType.Name + "." + method.Name);
            }

            if (Pii.PiiSinkAttribute != null && HasAttribute(method, Pii.PiiSinkAttribute))
            {
                return new Sink(SinkRule.Egress, method.ContainingType.Name + "." + method.Name);
            }

            if (Pii.PiiSinkAttribute != null)
            {
                ImmutableHashSet<string>.Builder? names = null;
                foreach (IParameterSymbol parameter in method.Parameters)
                {
                    if (HasAttribute(parameter, Pii.PiiSinkAttribute))
                    {
                        (names ??= ImmutableHashSet.CreateBuilder<string>()).Add(parameter.Name);
                    }
                }

                if (names != null)
                {
                    return new Sink(SinkRule.Egress, method.ContainingType.Name + "." + method.Name, names.ToImmutable());
                }
            }

            if (LoggerMessageAttribute != null && HasAttribute(method, LoggerMessageAttribute))
            {
                ImmutableHashSet<string>.Builder names = ImmutableHashSet.CreateBuilder<string>();
                foreach (IParameterSymbol parameter in method.Parameters)
                {
                    if (!IsClassifiedForRedaction(parameter))
                    {
                        names.Add(parameter.Name);
                    }
                }

                return new Sink(SinkRule.Log, method.ContainingType.Name + "." + method.Name, names.ToImmutable());
            }

            if (method.MethodKind == MethodKind.DelegateInvoke && Logger != null && method.Parameters.Length > 0
                && SymbolEqualityComparer.Default.Equals(method.Parameters[0].Type, Logger))
            {
                return new Sink(SinkRule.Log, "LoggerMessage.Define delegate");
            }

            if (method.MethodKind == MethodKind.Constructor && IsException(method.ContainingType))
            {
                return new Sink(SinkRule.Exception, "new " + method.ContainingType.Name);
            }

            for (INamedTypeSymbol? type = method.ContainingType; type != null; type = type.BaseType)
            {
                if (_methodRules.TryGetValue(type.OriginalDefinition, out Func<IMethodSymbol, Sink?>? rule))
                {
                    return rule(method);
                }

                if (method.MethodKind != MethodKind.Constructor)
                {
                    break;
                }
            }

            return null;
        }

        private Sink? ComputePropertySink(IPropertySymbol property)
        {
            if (property.ContainingType is { } type && _propertyRules.TryGetValue(type.OriginalDefinition, out Func<IPropertySymbol, Sink?>? rule))
            {
                return rule(property);
            }

            return null;
        }

        private bool IsClassifiedForRedaction(IParameterSymbol parameter)
        {
            if (Pii.DataClassificationAttribute is null)
            {
                return false;
            }

            foreach (AttributeData attribute in parameter.GetAttributes())
            {
                if (attribute.AttributeClass != null && InheritsFrom(attribute.AttributeClass, Pii.DataClassificationAttribute))
                {
                    return true;
                }
            }

            return false;
        }

        private MethodRole ComputeRole(IMethodSymbol method)
        {
            INamedTypeSymbol? type = method.ContainingType;
            if (type is null)
            {
                return MethodRole.None;
            }

            if (Options.Sanitizers.Contains(method)
                || (Pii.PiiMask != null && SymbolEqualityComparer.Default.Equals(type, Pii.PiiMask))
                || (method.Name == "ToMaskedString" && method.Parameters.Length == 0)
                || (Pii.PiiSanitizerAttribute != null && HasAttribute(method, Pii.PiiSanitizerAttribute))
                || (Redactor != null && method.Name.StartsWith("Redact", StringComparison.Ordinal) && InheritsFrom(type, Redactor))
                || (KeyedHashAlgorithm != null && InheritsFrom(type, KeyedHashAlgorithm) && IsHashMethodName(method.Name)))
            {
                return MethodRole.Sanitizer;
            }

            if (HashAlgorithm != null && IsHashMethodName(method.Name) && (InheritsFrom(type, HashAlgorithm) || SymbolEqualityComparer.Default.Equals(type, CryptographicOperations)))
            {
                return MethodRole.UnkeyedHash;
            }

            if ((JsonSerializer != null && SymbolEqualityComparer.Default.Equals(type, JsonSerializer) && method.Name.StartsWith("Serialize", StringComparison.Ordinal))
                || (NewtonsoftJsonConvert != null && SymbolEqualityComparer.Default.Equals(type, NewtonsoftJsonConvert) && method.Name == "SerializeObject")
                || (BinaryData != null && SymbolEqualityComparer.Default.Equals(type, BinaryData) && method.Name == "FromObjectAsJson")
                || IsSerializerMethod(type, method.Name))
            {
                return MethodRole.Serializer;
            }

            return MethodRole.None;
        }

        /// <summary>
        /// A stream or writer that a serializer writes into (<c>XmlSerializer.Serialize(writer, value)</c>): after the call it
        /// holds the serialised value.
        /// </summary>
        public bool IsSerializationTarget(ITypeSymbol? type)
        {
            foreach (INamedTypeSymbol? target in _serializationTargets)
            {
                if (target != null && InheritsFrom(type, target))
                {
                    return true;
                }
            }

            return false;
        }

        private bool IsSerializerMethod(INamedTypeSymbol type, string name)
        {
            if (name is not ("Serialize" or "WriteObject" or "WriteObjectContent"))
            {
                return false;
            }

            foreach (INamedTypeSymbol? serializer in _serializerTypes)
            {
                if (serializer != null && InheritsFrom(type, serializer))
                {
                    return true;
                }
            }

            return false;
        }

        private static bool IsHashMethodName(string name) => name is "HashData" or "HashDataAsync" or "TryHashData" or "ComputeHash" or "ComputeHashAsync" or "TransformFinalBlock";

        public static bool HasAttribute(ISymbol symbol, INamedTypeSymbol attribute)
        {
            foreach (AttributeData data in symbol.GetAttributes())
            {
                if (SymbolEqualityComparer.Default.Equals(data.AttributeClass, attribute))
                {
                    return true;
                }
            }

            return false;
        }
    }

    /// <summary>What a method does to personal data passed to it.</summary>
    internal enum MethodRole
    {
        None,
        Sanitizer,
        UnkeyedHash,
        Serializer,
    }
}
