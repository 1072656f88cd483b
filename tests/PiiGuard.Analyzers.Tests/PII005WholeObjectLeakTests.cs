using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using PiiGuard.Analyzers.Tests.Infrastructure;

namespace PiiGuard.Analyzers.Tests;

/// <summary>PII005: whole objects holding personal data reaching a sink without a masked text form.</summary>
public class PII005WholeObjectLeakTests
{
    private const string Types = """

        public class Patient
        {
            [PiiGuard.Pii(PiiGuard.PiiKind.Health)] public string Diagnosis { get; set; } = "";
            public override string ToString() => "Patient " + Diagnosis;
        }

        public class SafePatient : PiiGuard.IMaskable
        {
            [PiiGuard.Pii(PiiGuard.PiiKind.Health)] public string Diagnosis { get; set; } = "";
            public string ToMaskedString() => "SafePatient { Diagnosis = *** }";
            public override string ToString() => ToMaskedString();
        }

        [PiiGuard.GenerateMasking]
        public partial record HandWritten([PiiGuard.Pii(PiiGuard.PiiKind.Email)] string Email)
        {
            public override string ToString() => Email;
        }
        """;

    private static Task Verify(string body, params DiagnosticResult[] expected) => AnalyzerVerifier<PersonalDataFlowAnalyzer>.VerifyAsync("""
        using System;
        using System.Collections.Generic;
        using System.Net.Http;
        using System.Net.Http.Json;
        using System.Text.Json;
        using System.Threading.Tasks;
        using Microsoft.Extensions.Logging;
        using PiiGuard;

        partial class Service
        {
        """ + body + """

        }
        """ + LeakModels.Source + Types, expected);

    [Fact]
    public Task Record_WithCompilerToString_PrintedAsArgumentHoleOrConsole() => Verify("""
        void Run(ILogger logger, Person p)
        {
            logger.LogInformation("Person {Person}", {|PII005:p|});
            logger.LogInformation($"Person {{|PII005:p|}}");
            Console.WriteLine({|PII005:p|});
            var text = "Person " + p;
            logger.LogInformation({|PII005:text|});
            logger.LogInformation({|PII005:p.ToString()|});
        }
        """);

    [Fact]
    public Task UserToString_PrintingPersonalMembers() => Verify("""
        void Run(ILogger logger, Patient patient) => logger.LogInformation("{Patient}", {|PII005:patient|});
        """);

    [Fact]
    public Task PlainClass_PrintsOnlyItsTypeName() => Verify("""
        void Run(ILogger logger, Customer c, Order order, List<Customer> all)
        {
            logger.LogInformation("Customer {Customer}", c);
            logger.LogInformation($"Customer {c}");
            Console.WriteLine(c);
            logger.LogInformation("Order {Order}", order);
            logger.LogInformation("All {All}", all);
        }
        """);

    [Fact]
    public Task MaskedTextForm_GeneratedOrMaskable() => Verify("""
        void Run(ILogger logger, MaskedPerson masked, MaskedCustomer customer, SafePatient safe)
        {
            logger.LogInformation("Person {Person}", masked);
            logger.LogInformation($"Customer {customer}");
            Console.WriteLine(safe);
            throw new InvalidOperationException("Failed for " + masked);
        }
        """);

    [Fact]
    public Task GenerateMasking_WithOwnToString_IsNotMasked() => Verify("""
        void Run(ILogger logger, HandWritten h) => logger.LogInformation("{H}", {|PII005:h|});
        """);

    [Fact]
    public Task SerilogDestructuring_IsAlwaysALeak() => Verify("""
        void Run(Serilog.ILogger log, Customer c, MaskedPerson masked, List<Customer> all)
        {
            log.Information("Customer {@Customer}", {|PII005:c|});
            log.Information("Person {@Person} of {Tier}", {|PII005:masked|}, c.Tier);
            log.Information("All {@All}", {|PII005:all|});
            log.Information("Customer {Customer}", c);
            log.ForContext("Customer", {|PII005:c|}, destructureObjects: true).Information("x");
            log.ForContext("Customer", c).Information("x");
        }
        """);

    [Fact]
    public Task JsonSerialization_IsAlwaysALeak() => Verify("""
        async Task Run(ILogger logger, HttpClient client, Customer c, MaskedCustomer masked)
        {
            logger.LogInformation({|PII005:JsonSerializer.Serialize(c)|});
            var json = JsonSerializer.Serialize(masked);
            await client.PostAsync("https://api.example.com", new StringContent({|PII002:json|}));
            await client.PostAsJsonAsync("https://api.example.com", {|PII002:c|});
            await client.PostAsync("https://api.example.com", JsonContent.Create({|PII002:masked|}));
            await client.PostAsJsonAsync("https://api.example.com", new { c.Tier, c.Id });
        }
        """);

    [Fact]
    public Task XmlSerialization_IsAlwaysALeak() => Verify("""
        async Task Run(ILogger logger, HttpClient client, Customer c, MaskedCustomer masked)
        {
            var serializer = new System.Xml.Serialization.XmlSerializer(typeof(Customer));
            using var writer = new System.IO.StringWriter();
            serializer.Serialize(writer, c);
            await client.PostAsync("https://api.example.com", new StringContent({|PII002:writer.ToString()|}));

            using var stream = new System.IO.MemoryStream();
            new System.Runtime.Serialization.DataContractSerializer(typeof(MaskedCustomer)).WriteObject(stream, masked);
            await client.PostAsync("https://api.example.com", new ByteArrayContent({|PII002:stream.ToArray()|}));

            using var json = new System.IO.MemoryStream();
            new System.Runtime.Serialization.Json.DataContractJsonSerializer(typeof(Customer)).WriteObject(json, c);
            await client.PostAsync("https://api.example.com", new StreamContent({|PII002:json|}));

            using var text = new System.IO.StringWriter();
            using (var xml = System.Xml.XmlWriter.Create(text))
            {
                serializer.Serialize(xml, c);
            }

            logger.LogInformation("Customer {Xml}", {|PII005:text.ToString()|});

            using var newtonsoft = new System.IO.StringWriter();
            Newtonsoft.Json.JsonSerializer.CreateDefault().Serialize(newtonsoft, c);
            logger.LogInformation({|PII005:newtonsoft.ToString()|});
        }
        """);

    [Fact]
    public Task SerializingHelpers_ReportTheirCallers() => Verify("""
        static string ToJson(Customer c) => JsonSerializer.Serialize(c);

        static string ToXml(Customer c)
        {
            using var writer = new System.IO.StringWriter();
            new System.Xml.Serialization.XmlSerializer(typeof(Customer)).Serialize(writer, c);
            return writer.ToString();
        }

        static string Describe(Customer c) => JsonSerializer.Serialize(new { c.Tier, c.Id });

        void Run(ILogger logger, Customer c)
        {
            logger.LogInformation({|PII005:ToJson(c)|});
            logger.LogInformation("Customer {Xml}", {|PII005:ToXml(c)|});
            logger.LogInformation(Describe(c));
        }
        """);

    [Fact]
    public Task XmlSerialization_WithoutPersonalData_OrNotSent() => Verify("""
        async Task Run(ILogger logger, HttpClient client, Customer c)
        {
            using var writer = new System.IO.StringWriter();
            new System.Xml.Serialization.XmlSerializer(typeof(Order)).Serialize(writer, new Order());
            await client.PostAsync("https://api.example.com", new StringContent(writer.ToString()));

            using var file = new System.IO.MemoryStream();
            new System.Runtime.Serialization.DataContractSerializer(typeof(Customer)).WriteObject(file, c);
            System.IO.File.WriteAllBytes("customer.xml", file.ToArray());

            using var tier = new System.IO.StringWriter();
            new System.Xml.Serialization.XmlSerializer(typeof(string)).Serialize(tier, c.Tier);
            logger.LogInformation(tier.ToString());
        }
        """);

    [Fact]
    public Task Messaging_WholeObjectsAreSerialized() => Verify("""
        async Task Run(Confluent.Kafka.IProducer<string, Customer> producer, Confluent.Kafka.IProducer<string, MaskedCustomer> maskedProducer,
            Confluent.Kafka.IProducer<string, string> strings, Confluent.Kafka.IProducer<string, Order> orders,
            Azure.Messaging.ServiceBus.ServiceBusSender sender, RabbitMQ.Client.IChannel channel, Customer c, MaskedCustomer masked)
        {
            await producer.ProduceAsync("customers", new Confluent.Kafka.Message<string, Customer> { Key = "k", Value = {|PII002:c|} });
            var message = new Confluent.Kafka.Message<string, MaskedCustomer> { Key = "k" };
            message.Value = {|PII002:masked|};
            maskedProducer.Produce("customers", message);
            await strings.ProduceAsync("customers", new Confluent.Kafka.Message<string, string> { Key = "k", Value = {|PII002:JsonSerializer.Serialize(c)|} });
            await sender.SendMessageAsync(new Azure.Messaging.ServiceBus.ServiceBusMessage({|PII002:BinaryData.FromObjectAsJson(c)|}));
            var body = new Azure.Messaging.ServiceBus.ServiceBusMessage();
            body.Body = {|PII002:BinaryData.FromObjectAsJson(masked)|};
            await RabbitMQ.Client.IChannelExtensions.BasicPublishAsync(channel, "exchange", "key", {|PII002:JsonSerializer.SerializeToUtf8Bytes(c)|});

            await orders.ProduceAsync("orders", new Confluent.Kafka.Message<string, Order> { Key = "k", Value = new Order() });
            await strings.ProduceAsync("customers", new Confluent.Kafka.Message<string, string> { Key = "k", Value = PiiMask.Email(c.Email)! });
            await sender.SendMessageAsync(new Azure.Messaging.ServiceBus.ServiceBusMessage(BinaryData.FromObjectAsJson(new Order())));
            await sender.SendMessageAsync(new Azure.Messaging.ServiceBus.ServiceBusMessage(BinaryData.FromObjectAsJson(new { c.Tier, c.Id })));
            await RabbitMQ.Client.IChannelExtensions.BasicPublishAsync(channel, "exchange", "key", JsonSerializer.SerializeToUtf8Bytes(new Order()));
        }
        """);

    [Fact]
    public Task XmlAndKafka_MessagesNameTypeKindsAndSink() => Verify("""
        async Task Run(HttpClient client, Confluent.Kafka.IProducer<string, Customer> producer, Customer c)
        {
            using var writer = new System.IO.StringWriter();
            new System.Xml.Serialization.XmlSerializer(typeof(Customer)).Serialize(writer, c);
            await client.PostAsync("https://api.example.com", new StringContent({|#0:writer.ToString()|}));
            await producer.ProduceAsync("customers", new Confluent.Kafka.Message<string, Customer> { Value = {|#1:c|} });
        }
        """,
        DiagnosticResult.CompilerWarning("PII002").WithLocation(0).WithArguments("Customer", "serialised with NationalId, Email, Phone, Health", "new StringContent"),
        DiagnosticResult.CompilerWarning("PII002").WithLocation(1).WithArguments("Customer", "serialised with NationalId, Email, Phone, Health", "Message.Value"));

    [Fact]
    public Task PutAndPatchAsJson_AndIdentityUser() => Verify("""
        async Task Run(HttpClient client, Customer c, Microsoft.AspNetCore.Identity.IdentityUser user, Serilog.ILogger log)
        {
            await client.PutAsJsonAsync("https://api.example.com", {|PII002:c|});
            await client.PatchAsJsonAsync("https://api.example.com", {|PII002:user|});
            log.Information("User {@User}", {|PII005:user|});
            // IdentityUser.ToString() returns the user name: printing it is a leak too.
            log.Information("User {User}", {|PII005:user|});
            await client.PutAsJsonAsync("https://api.example.com", new Order());
        }
        """);

    [Fact]
    public Task ExceptionMessage_WithRecord() => Verify("""
        void Run(Person p) => throw new InvalidOperationException($"Bad person {{|PII005:p|}}");
        """);

    [Fact]
    public Task Message_NamesTypeKindsAndSink() => Verify("""
        void Run(Serilog.ILogger log, Customer c) => log.Information("{@C}", {|#0:c|});
        """,
        DiagnosticResult.CompilerWarning("PII005").WithLocation(0).WithArguments("Customer", "NationalId, Email, Phone, Health", "ILogger.Information"));
}
