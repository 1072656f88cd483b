// Customer records of the shop.

using System;

namespace Adoption;

/// <summary>A customer.</summary>
public sealed class Customer
{
    /// <summary>Where receipts go.</summary>
    public string Email { get; set; } = "";

    public string PhoneNumber { get; set; } = "";

    public string Tier { get; set; } = "";

    public DateTime Since { get; set; }
}
