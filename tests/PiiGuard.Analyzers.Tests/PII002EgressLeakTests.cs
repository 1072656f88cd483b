using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using PiiGuard.Analyzers.Tests.Infrastructure;

namespace PiiGuard.Analyzers.Tests;

/// <summary>PII002: personal data leaving the process through HTTP, mail, messaging and [PiiSink] methods.</summary>
public class PII002EgressLeakTests
{
    private static Task Verify(string body, params DiagnosticResult[] expected) => AnalyzerVerifier<PersonalDataFlowAnalyzer>.VerifyAsync("""
        using System;
        using System.Collections.Generic;
        using System.Net.Http;
        using System.Net.Http.Json;
        using System.Text;
        using System.Threading.Tasks;
        using PiiGuard;

        partial class Service
        {
        """ + body + """

        }
        """ + LeakModels.Source, expected);

    [Fact]
    public Task HttpClient_UrlAndQueryString() => Verify("""
        async Task Run(HttpClient client, Customer c)
        {
            await client.GetAsync($"https://api.example.com/customers?email={{|PII002:c.Email|}}");
            await client.GetStringAsync({|PII002:new Uri("https://api.example.com/" + c.Phone)|});
            await client.DeleteAsync("https://api.example.com/customers/" + {|PII002:c.NationalId|});
            await client.GetAsync($"https://api.example.com/customers/{c.Id}");
        }
        """);

    [Fact]
    public Task HttpContent_StringFormAndJson() => Verify("""
        async Task Run(HttpClient client, Customer c)
        {
            await client.PostAsync("https://api.example.com", new StringContent({|PII002:c.Email|}));
            await client.PostAsync("https://api.example.com", new FormUrlEncodedContent({|PII002:new Dictionary<string, string> { ["phone"] = c.Phone }|}));
            await client.PostAsync("https://api.example.com", JsonContent.Create({|PII002:c.NationalId|}));
            await client.PostAsJsonAsync("https://api.example.com/?e=" + {|PII002:c.Email|}, 1);
            await client.PostAsync("https://api.example.com", new StringContent(c.Tier));
        }
        """);

    [Fact]
    public Task HttpRequest_UriAndHeaders() => Verify("""
        async Task Run(HttpClient client, Customer c)
        {
            var request = new HttpRequestMessage(HttpMethod.Get, "https://api.example.com/?id=" + {|PII002:c.NationalId|});
            request.Headers.Add("X-Email", {|PII002:c.Email|});
            client.DefaultRequestHeaders.TryAddWithoutValidation("X-Phone", {|PII002:c.Phone|});
            request.Headers.Add("X-Tier", c.Tier);
            await client.SendAsync(request);
        }
        """);

    [Fact]
    public Task HttpClient_BaseAddressAndRequestUri() => Verify("""
        async Task Run(HttpClient client, Customer c, byte[] key)
        {
            client.BaseAddress = {|PII002:new Uri("https://api.example.com/" + c.Email)|};
            var request = new HttpRequestMessage { RequestUri = {|PII002:new Uri("https://api.example.com/?p=" + c.Phone)|} };
            request.RequestUri = {|PII002:new Uri($"https://api.example.com/{c.NationalId}")|};
            await client.GetAsync({|PII002:new Uri(new Uri("https://api.example.com/"), c.Email)|});
            var builder = new UriBuilder("https://api.example.com") { Query = "email=" + c.Email };
            await client.GetAsync({|PII002:builder.Uri|});
            await client.SendAsync(new HttpRequestMessage(HttpMethod.Get, {|PII002:new Uri("https://api.example.com/" + c.Phone)|}));
            await client.SendAsync(request);
            client.BaseAddress = new Uri("https://api.example.com/" + c.Id);
            client.BaseAddress = new Uri("https://api.example.com/" + PiiMask.Pseudonymize(c.Email, key));
            await client.GetAsync(new Uri(new Uri("https://api.example.com/"), PiiMask.Email(c.Email)));
            request.RequestUri = new Uri("https://api.example.com/" + c.Tier);
        }
        """);

    [Fact]
    public Task WebClient_Urls() => Verify("""
        void Run(Customer c)
        {
        #pragma warning disable SYSLIB0014
            using var web = new System.Net.WebClient();
            web.DownloadString("https://api.example.com/?e=" + {|PII002:c.Email|});
            web.UploadString("https://api.example.com/", {|PII002:c.Phone|});
            web.DownloadString("https://api.example.com/");
            web.Headers.Add("X-Email", {|PII002:c.Email|});
            web.Headers[System.Net.HttpRequestHeader.From] = {|PII002:c.Phone|};
            web.Headers["X-Tier"] = c.Tier;
        }
        """);

    [Fact]
    public Task SystemNetMail_SubjectAndBody_NotRecipients() => Verify("""
        void Run(Customer c, System.Net.Mail.SmtpClient smtp)
        {
            var message = new System.Net.Mail.MailMessage("shop@example.com", c.Email, "Hello " + {|PII002:c.Phone|}, "Welcome");
            message.To.Add(c.Email);
            message.Subject = {|PII002:c.NationalId|};
            message.Body = $"Your phone {{|PII002:c.Phone|}}";
            smtp.Send("shop@example.com", c.Email, "Welcome", {|PII002:c.Email|});
            smtp.Send("shop@example.com", c.Email, "Welcome", "Hello");
            smtp.Send(message);
        }
        """);

    [Fact]
    public Task MimeKit_SubjectAndBody_NotRecipients() => Verify("""
        void Run(Customer c)
        {
            var message = new MimeKit.MimeMessage();
            message.To.Add(MimeKit.MailboxAddress.Parse(c.Email));
            message.Subject = "Hello " + {|PII002:c.Phone|};
            message.Body = new MimeKit.TextPart("plain") { Text = {|PII002:c.NationalId|} };
            var builder = new MimeKit.BodyBuilder { HtmlBody = $"<p>{{|PII002:c.Email|}}</p>" };
            builder.TextBody = "Welcome";
        }
        """);

    [Fact]
    public Task RabbitMq_PublishBody() => Verify("""
        async Task Run(RabbitMQ.Client.IChannel channel, Customer c)
        {
            await RabbitMQ.Client.IChannelExtensions.BasicPublishAsync(channel, "exchange", "key", {|PII002:Encoding.UTF8.GetBytes(c.Email)|});
            await channel.BasicPublishAsync("exchange", "key", false, new RabbitMQ.Client.BasicProperties(), {|PII002:Encoding.UTF8.GetBytes(c.Phone)|});
            await RabbitMQ.Client.IChannelExtensions.BasicPublishAsync(channel, "exchange", "key", Encoding.UTF8.GetBytes(c.Tier));
        }
        """);

    [Fact]
    public Task Kafka_Produce() => Verify("""
        async Task Run(Confluent.Kafka.IProducer<string, string> producer, Customer c)
        {
            producer.Produce("customers", new Confluent.Kafka.Message<string, string> { Key = "k", Value = {|PII002:c.Email|} });
            await producer.ProduceAsync("customers", new Confluent.Kafka.Message<string, string> { Key = "k", Value = c.Tier });
        }
        """);

    [Fact]
    public Task RabbitMq_PublishBody_FromALocal() => Verify("""
        async Task Run(RabbitMQ.Client.IChannel channel, Customer c)
        {
            var email = c.Email;
            var body = Encoding.UTF8.GetBytes("customer " + email);
            await RabbitMQ.Client.IChannelExtensions.BasicPublishAsync(channel, "exchange", "key", {|PII002:body|});
            await RabbitMQ.Client.IChannelExtensions.BasicPublishAsync(channel, "exchange", "key", Encoding.UTF8.GetBytes(PiiMask.Email(email)!));
        }
        """);

    [Fact]
    public Task Kafka_PersonalKeyOrValue() => Verify("""
        async Task Run(Confluent.Kafka.IProducer<string, string> producer, Confluent.Kafka.IProducer<string, Order> orders, Customer c, byte[] key)
        {
            await producer.ProduceAsync("customers", new Confluent.Kafka.Message<string, string> { Key = {|PII002:c.Email|}, Value = "signed-in" });
            var message = new Confluent.Kafka.Message<string, string> { Key = "k", Value = $"phone {{|PII002:c.Phone|}}" };
            producer.Produce("customers", message);
            await orders.ProduceAsync("orders", new Confluent.Kafka.Message<string, Order> { Key = {|PII002:c.NationalId|}, Value = new Order() });
            var assigned = new Confluent.Kafka.Message<string, string>();
            assigned.Value = {|PII002:c.Email|};
            await producer.ProduceAsync("customers", assigned);
            await producer.ProduceAsync("customers", new Confluent.Kafka.Message<string, string> { Key = PiiMask.Pseudonymize(c.Email, key)!, Value = PiiMask.Email(c.Email)! });
            await orders.ProduceAsync("orders", new Confluent.Kafka.Message<string, Order> { Key = c.Tier, Value = new Order() });
        }
        """);

    [Fact]
    public Task MessageHeadersAndKeys() => Verify("""
        async Task Run(Confluent.Kafka.IProducer<string, string> producer, RabbitMQ.Client.IChannel channel, Customer c)
        {
            var headers = new Confluent.Kafka.Headers();
            headers.Add("email", {|PII002:Encoding.UTF8.GetBytes(c.Email)|});
            headers.Add("tier", Encoding.UTF8.GetBytes(c.Tier));
            await producer.ProduceAsync("customers", new Confluent.Kafka.Message<string, string> { Key = "k", Value = "v", Headers = headers });
            var properties = new RabbitMQ.Client.BasicProperties { Headers = new Dictionary<string, object?>() };
            properties.Headers["phone"] = {|PII002:c.Phone|};
            properties.Headers["tier"] = c.Tier;
            var message = new Azure.Messaging.ServiceBus.ServiceBusMessage("x") { SessionId = {|PII002:c.Email|}, PartitionKey = c.Tier };
        }
        """);

    [Fact]
    public Task AzureServiceBus_BinaryDataAndInitializedProperties() => Verify("""
        async Task Run(Azure.Messaging.ServiceBus.ServiceBusSender sender, Customer c)
        {
            var email = c.Email;
            await sender.SendMessageAsync(new Azure.Messaging.ServiceBus.ServiceBusMessage({|PII002:BinaryData.FromString(email)|}));
            var message = new Azure.Messaging.ServiceBus.ServiceBusMessage("x") { ApplicationProperties = { ["email"] = {|PII002:email|}, ["phone"] = {|PII002:c.Phone|} } };
            var added = new Azure.Messaging.ServiceBus.ServiceBusMessage("x") { ApplicationProperties = { { "id", {|PII002:c.NationalId|} }, { "tier", c.Tier } } };
            message.Body = {|PII002:BinaryData.FromString(c.NationalId)|};
            message.ApplicationProperties["x"] = {|PII002:email|};
            await sender.SendMessageAsync(message);
            await sender.SendMessageAsync(added);
            var clean = new Azure.Messaging.ServiceBus.ServiceBusMessage(BinaryData.FromString(c.Tier)) { ApplicationProperties = { ["email"] = PiiMask.Email(email), ["tier"] = c.Tier } };
            await sender.SendMessageAsync(clean);
        }
        """);

    [Fact]
    public Task XmlSerialization_OfAFilledDto_NamesTheMember() => Verify("""
        async Task Run(HttpClient client, Customer c)
        {
            var dto = new CustomerDto { Mail = c.Email };
            var serializer = new System.Xml.Serialization.XmlSerializer(typeof(CustomerDto));
            using var writer = new System.IO.StringWriter();
            serializer.Serialize(writer, dto);
            await client.PostAsync("https://api.example.com", new StringContent({|#0:writer.ToString()|}));
            var masked = new CustomerDto { Mail = PiiMask.Email(c.Email)! };
            using var clean = new System.IO.StringWriter();
            serializer.Serialize(clean, masked);
            await client.PostAsync("https://api.example.com", new StringContent(clean.ToString()));
        }
        }

        public class CustomerDto
        {
            public string Mail { get; set; } = "";
        """,
        DiagnosticResult.CompilerWarning("PII002").WithLocation(0).WithArguments("Customer.Email", "Email", "new StringContent"));

    [Fact]
    public Task BaseAddress_MessageNamesMemberKindAndSink() => Verify("""
        void Run(HttpClient client, Customer c) => client.BaseAddress = {|#0:new Uri("https://api.example.com/" + c.NationalId)|};
        """,
        DiagnosticResult.CompilerWarning("PII002").WithLocation(0).WithArguments("Customer.NationalId", "NationalId, sensitive", "HttpClient.BaseAddress"));

    [Fact]
    public Task AzureServiceBus_BodyAndProperties() => Verify("""
        async Task Run(Azure.Messaging.ServiceBus.ServiceBusSender sender, Customer c)
        {
            var message = new Azure.Messaging.ServiceBus.ServiceBusMessage({|PII002:c.Email|});
            message.ApplicationProperties["phone"] = {|PII002:c.Phone|};
            message.Subject = {|PII002:c.NationalId|};
            message.ApplicationProperties.Add("tier", c.Tier);
            await sender.SendMessageAsync(message);
            await sender.SendMessageAsync(new Azure.Messaging.ServiceBus.ServiceBusMessage(c.Tier));
        }
        """);

    [Fact]
    public Task Grpc_Metadata() => Verify("""
        void Run(Customer c)
        {
            var headers = new Grpc.Core.Metadata();
            headers.Add("x-email", {|PII002:c.Email|});
            headers.Add("x-tier", c.Tier);
            var more = new Grpc.Core.Metadata { { "x-phone", {|PII002:c.Phone|} } };
        }
        """);

    [Fact]
    public Task UnannotatedDto_FilledWithPersonalData_IsFollowedWhenSerialized() => Verify("""
        async Task Run(HttpClient client, Customer c)
        {
            var dto = new CustomerDto { Mail = c.Email, Level = c.Tier };
            await client.PostAsJsonAsync("https://api.example.com", {|PII002:dto|});
            var other = new CustomerDto { Level = c.Tier };
            await client.PostAsJsonAsync("https://api.example.com", other);
            var mapped = Map(c);
            var json = System.Text.Json.JsonSerializer.Serialize(mapped);
            await client.PostAsync("https://api.example.com", new StringContent({|PII002:json|}));
            var set = new CustomerDto();
            set.Mail = c.Phone;
            await client.PostAsync("https://api.example.com", JsonContent.Create({|PII002:set|}));
            await client.PostAsync("https://api.example.com", new StringContent("dto " + dto));
        }

        static CustomerDto Map(Customer c) => new CustomerDto { Mail = c.Email };
        }

        class CustomerDto
        {
            public string Mail { get; set; } = "";
            public string Level { get; set; } = "";
        """);

    [Fact]
    public Task PiiSink_MethodAndParameter() => Verify("""
        [PiiSink] static void Audit(string text) { }
        static void Send(string to, [PiiSink] string body) { }

        void Run(Customer c)
        {
            Audit({|PII002:c.Email|});
            Audit(c.Tier);
            Send(c.Email, {|PII002:c.Phone|});
            Send(c.Email, "Welcome");
        }
        """);

    [Fact]
    public Task Message_NamesTheSink() => Verify("""
        void Run(Customer c) => new StringContent({|#0:c.Email|});
        """,
        DiagnosticResult.CompilerWarning("PII002").WithLocation(0).WithArguments("Customer.Email", "Email", "new StringContent"));
}
