using System.Collections.Immutable;

namespace PiiGuard.Analyzers.Flow.Catalog
{
    /// <summary>
    /// PII002: data leaving the process: HTTP, mail, messaging. Delivery addresses are not sinks (DESIGN.md): a mail's
    /// recipients, the number an SMS goes to, a message's destination.
    /// </summary>
    internal static class EgressSinks
    {
        public static readonly ImmutableArray<SinkRow> Rows = ImmutableArray.Create(
            // HTTP.
            SinkRow.Method("System.Net.Http.HttpClient", "!SendAsync|*Async", SinkRule.Egress, "HttpClient.{member}"),
            SinkRow.Property("System.Net.Http.HttpClient", "BaseAddress", SinkRule.Egress, "HttpClient.BaseAddress"),
            SinkRow.Method("System.Net.Http.Json.HttpClientJsonExtensions", "*", SinkRule.Egress, "HttpClient.{member}", mode: SinkMode.Destructure),
            SinkRow.Method("System.Net.Http.Json.JsonContent", "Create", SinkRule.Egress, "JsonContent.Create", mode: SinkMode.Destructure),
            SinkRow.Constructor("System.Net.Http.StringContent", SinkRule.Egress, "new StringContent", "content"),
            SinkRow.Constructor("System.Net.Http.ByteArrayContent", SinkRule.Egress, "new ByteArrayContent", "content"),
            SinkRow.Constructor("System.Net.Http.FormUrlEncodedContent", SinkRule.Egress, "new FormUrlEncodedContent"),
            SinkRow.Constructor("System.Net.Http.HttpRequestMessage", SinkRule.Egress, "new HttpRequestMessage", "requestUri"),
            SinkRow.Property("System.Net.Http.HttpRequestMessage", "RequestUri|Content", SinkRule.Egress, "HttpRequestMessage.{member}"),
            SinkRow.Constructor("System.Net.Http.StreamContent", SinkRule.Egress, "new StreamContent", "content"),
            SinkRow.Constructor("System.Net.Http.ReadOnlyMemoryContent", SinkRule.Egress, "new ReadOnlyMemoryContent", "content"),
            SinkRow.Method("System.Net.Http.Headers.HttpHeaders", "Add|TryAddWithoutValidation", SinkRule.Egress, "HttpHeaders.{member}", parameters: "value,values"),
            SinkRow.Method("System.Net.WebClient", "Download*|Upload*|Open*", SinkRule.Egress, "WebClient.{member}"),
            SinkRow.Method("System.Net.WebHeaderCollection", "Add|Set", SinkRule.Egress, "WebHeaderCollection.{member}", parameters: "value"),
            SinkRow.Property("System.Net.WebHeaderCollection", "this[]", SinkRule.Egress, "WebHeaderCollection"),

            // Mail: the subject and body, not the recipients.
            SinkRow.Constructor("System.Net.Mail.MailMessage", SinkRule.Egress, "new MailMessage", "subject,body"),
            SinkRow.Property("System.Net.Mail.MailMessage", "Subject|Body", SinkRule.Egress, "MailMessage.{member}"),
            SinkRow.Method("System.Net.Mail.SmtpClient", "Send*", SinkRule.Egress, "SmtpClient.{member}", parameters: "subject,body"),
            SinkRow.Constructor("MimeKit.MimeMessage", SinkRule.Egress, "new MimeMessage", "subject"),
            SinkRow.Property("MimeKit.MimeMessage", "Subject", SinkRule.Egress, "MimeMessage.Subject"),
            SinkRow.Property("MimeKit.TextPart", "Text", SinkRule.Egress, "TextPart.Text"),
            SinkRow.Method("MimeKit.TextPart", "SetText", SinkRule.Egress, "TextPart.SetText", parameters: "text"),
            SinkRow.Property("MimeKit.BodyBuilder", "TextBody|HtmlBody", SinkRule.Egress, "BodyBuilder.{member}"),

            // Messaging: RabbitMQ, Kafka, Azure Service Bus, gRPC metadata.
            SinkRow.Method("RabbitMQ.Client.IChannel", "BasicPublish*", SinkRule.Egress, "{type}.{member}", parameters: "body,routingKey"),
            SinkRow.Method("RabbitMQ.Client.IChannelExtensions", "BasicPublish*", SinkRule.Egress, "{type}.{member}", parameters: "body,routingKey"),
            SinkRow.Method("RabbitMQ.Client.IModel", "BasicPublish*", SinkRule.Egress, "{type}.{member}", parameters: "body,routingKey"),
            SinkRow.Method("RabbitMQ.Client.IModelExensions", "BasicPublish*", SinkRule.Egress, "{type}.{member}", parameters: "body,routingKey"),
            SinkRow.Method("RabbitMQ.Client.IModelExtensions", "BasicPublish*", SinkRule.Egress, "{type}.{member}", parameters: "body,routingKey"),
            SinkRow.Container("RabbitMQ.Client.BasicProperties", "Headers", SinkRule.Egress, "BasicProperties.Headers"),
            // A Kafka message's key and value are written by the producer's serializers (JSON, Avro, Protobuf), which read objects by reflection.
            SinkRow.Property("Confluent.Kafka.Message`2", "Key|Value", SinkRule.Egress, "Message.{member}", SinkMode.Destructure),
            SinkRow.Method("Confluent.Kafka.IProducer`2", "Produce|ProduceAsync", SinkRule.Egress, "IProducer.{member}", parameters: "message,topic"),
            SinkRow.Method("Confluent.Kafka.Producer`2", "Produce|ProduceAsync", SinkRule.Egress, "IProducer.{member}", parameters: "message,topic"),
            SinkRow.Method("Confluent.Kafka.Headers", "Add", SinkRule.Egress, "Headers.Add"),
            SinkRow.Constructor("Azure.Messaging.ServiceBus.ServiceBusMessage", SinkRule.Egress, "new ServiceBusMessage", "body"),
            SinkRow.Property("Azure.Messaging.ServiceBus.ServiceBusMessage", "Body|Subject|CorrelationId|MessageId|SessionId|PartitionKey", SinkRule.Egress, "ServiceBusMessage.{member}"),
            SinkRow.Container("Azure.Messaging.ServiceBus.ServiceBusMessage", "ApplicationProperties", SinkRule.Egress, "ServiceBusMessage.ApplicationProperties"),
            SinkRow.Method("Grpc.Core.Metadata", "Add", SinkRule.Egress, "Metadata.Add", parameters: "value,valueBytes,item"));
    }
}
