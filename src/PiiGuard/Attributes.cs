using System;

namespace PiiGuard
{
    /// <summary>
    /// Marks a property, field, parameter or return value as personal data. PiiGuard's analyzers then
    /// report every place where the value reaches a log, telemetry, an exception message or the network
    /// unmasked, and the masking generator masks it in <c>ToString</c> and <c>ToMaskedString</c>.
    /// </summary>
    [AttributeUsage(AttributeTargets.Property | AttributeTargets.Field | AttributeTargets.Parameter | AttributeTargets.ReturnValue, AllowMultiple = false, Inherited = true)]
    public sealed class PiiAttribute : Attribute
    {
        private bool? _sensitive;

        /// <summary>Marks personal data of the given kind.</summary>
        /// <param name="kind">The kind of personal data; selects the masking convention.</param>
        public PiiAttribute(PiiKind kind = PiiKind.Other)
        {
            Kind = kind;
        }

        /// <summary>The kind of personal data.</summary>
        public PiiKind Kind { get; }

        /// <summary>
        /// Whether the data is sensitive personal information (PIPL Art. 28, GDPR Art. 9).
        /// Defaults to <see cref="PiiKinds.IsSensitiveByDefault(PiiKind)"/> for the kind.
        /// </summary>
        public bool Sensitive
        {
            get => _sensitive ?? PiiKinds.IsSensitiveByDefault(Kind);
            set => _sensitive = value;
        }

        /// <summary>How the value is masked; <see cref="MaskStyle.Default"/> uses the kind's convention.</summary>
        public MaskStyle Mask { get; set; }
    }

    /// <summary>
    /// Declares that a member, parameter or type is not personal data, with the reason: PII008 (a member named like
    /// personal data) and name-based discovery (<c>PiiGuardDiscovery=names</c>) stay silent for it. On a type it covers
    /// every member of the type. It does not remove an explicit <see cref="PiiAttribute"/>. An empty reason is reported
    /// (PII108): the reason is the record of the decision.
    /// </summary>
    [AttributeUsage(AttributeTargets.Property | AttributeTargets.Field | AttributeTargets.Parameter | AttributeTargets.Class | AttributeTargets.Struct | AttributeTargets.Interface,
        AllowMultiple = false, Inherited = false)]
    public sealed class NotPiiAttribute : Attribute
    {
        /// <summary>Declares the target not personal data.</summary>
        /// <param name="reason">Why it is not personal data ("a template name, not an address").</param>
        public NotPiiAttribute(string reason)
        {
            Reason = reason;
        }

        /// <summary>Why the target is not personal data.</summary>
        public string Reason { get; }
    }

    /// <summary>
    /// Asks PiiGuard's source generator to write <c>ToMaskedString()</c>, the <see cref="IMaskable"/>
    /// implementation and a masked <c>ToString()</c> (or <c>PrintMembers</c> for records) for a partial type.
    /// </summary>
    [AttributeUsage(AttributeTargets.Class | AttributeTargets.Struct, AllowMultiple = false, Inherited = false)]
    public sealed class GenerateMaskingAttribute : Attribute
    {
    }

    /// <summary>
    /// Declares that a method returns a redacted form of its input: values it returns carry no personal data.
    /// </summary>
    [AttributeUsage(AttributeTargets.Method, AllowMultiple = false, Inherited = false)]
    public sealed class PiiSanitizerAttribute : Attribute
    {
    }

    /// <summary>
    /// Declares a method (all its arguments) or a parameter as a sink: personal data passed to it leaves
    /// the process, and PiiGuard reports it when it is not masked.
    /// </summary>
    [AttributeUsage(AttributeTargets.Method | AttributeTargets.Parameter, AllowMultiple = false, Inherited = false)]
    public sealed class PiiSinkAttribute : Attribute
    {
    }

    /// <summary>A type that can print itself with its personal data masked.</summary>
    public interface IMaskable
    {
        /// <summary>Returns the text form of the object with every personal member masked by its convention.</summary>
        string ToMaskedString();
    }

    /// <summary>
    /// A reviewed exception: accepts the PiiGuard findings (PII001–PII009) inside the method, property, constructor or type it
    /// marks, or those whose carrier is the member it marks, with a reason and a reviewer. The findings are reported as
    /// suppressed (visible in SARIF, listed by the piiguard inventory). Past <see cref="Expires"/> (yyyy-MM-dd) the
    /// findings return as warnings and PII112 says that the exception expired. <see cref="Rule"/> narrows it to one rule.
    /// </summary>
    [AttributeUsage(AttributeTargets.Method | AttributeTargets.Constructor | AttributeTargets.Property | AttributeTargets.Field | AttributeTargets.Class | AttributeTargets.Struct, AllowMultiple = true, Inherited = false)]
    public sealed class PiiAcceptedAttribute : Attribute
    {
        /// <summary>Accepts the findings, with the reason they are acceptable.</summary>
        /// <param name="reason">Why the finding is acceptable (a legal basis, a redacting sink downstream, a ticket).</param>
        public PiiAcceptedAttribute(string reason)
        {
            Reason = reason;
        }

        /// <summary>Why the finding is acceptable.</summary>
        public string Reason { get; }

        /// <summary>Who reviewed the exception.</summary>
        public string? Reviewer { get; set; }

        /// <summary>The last day the exception holds, yyyy-MM-dd (e.g. "2027-03-01"); none: it does not expire.</summary>
        public string? Expires { get; set; }

        /// <summary>The one rule accepted ("PII001"); none: every PiiGuard leak rule.</summary>
        public string? Rule { get; set; }
    }
}
