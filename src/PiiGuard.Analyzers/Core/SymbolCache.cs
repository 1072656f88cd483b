using System.Collections.Concurrent;
using Microsoft.CodeAnalysis;

namespace PiiGuard.Analyzers.Core
{
    /// <summary>
    /// The per-compilation caches keyed by symbol. The analyzer driver runs many operation blocks at once and most
    /// lookups miss the first time, so the default two locks of a two-core machine and the default capacity of 31
    /// made threads queue on each other's adds and on resizes (a profile of the synthetic benchmark found a fifth of
    /// the flow analyzer's samples spinning in Monitor.Enter). The lock count is fixed: analyzers may not read the
    /// environment.
    /// </summary>
    internal static class SymbolCache
    {
        private const int ConcurrencyLevel = 32;

        public static ConcurrentDictionary<TKey, TValue> Create<TKey, TValue>(int capacity = 1024)
            where TKey : class, ISymbol
            => new ConcurrentDictionary<TKey, TValue>(ConcurrencyLevel, capacity, SymbolEqualityComparer.Default);
    }
}
