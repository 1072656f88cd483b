using System;
using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;
using Serilog.Core;
using Serilog.Events;

namespace PiiGuard.Serilog
{
    /// <summary>
    /// Destructures PiiGuard's maskable types for <c>{@x}</c>: a <see cref="GenerateMaskingAttribute"/> type (which implements
    /// <see cref="IMaskedMembers"/>) becomes a <see cref="StructureValue"/> of its members with every personal member masked
    /// by its kind's convention, built by the generated <see cref="IMaskedMembers.WriteMaskedMembers"/> (no reflection over
    /// the object); any other <see cref="IMaskable"/> becomes its <see cref="IMaskable.ToMaskedString"/> text.
    /// </summary>
    /// <remarks>
    /// It fails closed: when reading the object throws (a property getter, a user-written ToMaskedString), the whole value is
    /// <see cref="PiiMask.Erased"/>, never the raw object. Members that are not personal data are converted as Serilog converts
    /// a <c>{x}</c> value (scalars stay scalars, other objects become their text), so an unannotated nested object is never
    /// read by reflection either; nested maskable members are destructured by this policy again.
    /// </remarks>
    public sealed class PiiGuardDestructuringPolicy : IDestructuringPolicy
    {
        private static readonly ScalarValue ErasedValue = new ScalarValue(PiiMask.Erased);

        [ThreadStatic]
        private static StructureWriter? t_writer;

        /// <inheritdoc/>
        public bool TryDestructure(object value, ILogEventPropertyValueFactory propertyValueFactory, [NotNullWhen(true)] out LogEventPropertyValue? result)
        {
            if (value is IMaskedMembers members)
            {
                result = Structure(members, propertyValueFactory);
                return true;
            }

            if (value is IMaskable maskable)
            {
                result = Text(maskable);
                return true;
            }

            result = null;
            return false;
        }

        private static LogEventPropertyValue Text(IMaskable maskable)
        {
            try
            {
                return new ScalarValue(maskable.ToMaskedString());
            }
            catch (Exception)
            {
                return ErasedValue;
            }
        }

        private static LogEventPropertyValue Structure(IMaskedMembers value, ILogEventPropertyValueFactory factory)
        {
            // One writer per thread, taken while in use: a nested maskable member is destructured with a fresh one.
            StructureWriter writer = t_writer ?? new StructureWriter();
            t_writer = null;
            try
            {
                writer.Start(factory);
                value.WriteMaskedMembers(writer);
                return new StructureValue(writer.Finish(), TypeTag(value.GetType()));
            }
            catch (Exception)
            {
                // Fail closed: never the raw object, never a half-written structure.
                return ErasedValue;
            }
            finally
            {
                writer.Reset();
                t_writer = writer;
            }
        }

        private static string? TypeTag(Type type)
        {
            // As Serilog's own destructuring tags structures: the type's name (none for compiler-generated types).
            string name = type.Name;
            return name.Length == 0 || name[0] == '<' ? null : name;
        }

        private sealed class StructureWriter : IMaskedMemberWriter
        {
            private static readonly ScalarValue NullValue = new ScalarValue(null);

            private readonly List<LogEventProperty> _properties = new List<LogEventProperty>();
            private readonly List<LogEventPropertyValue> _items = new List<LogEventPropertyValue>();
            private ILogEventPropertyValueFactory? _factory;
            private string? _sequence;

            public void Start(ILogEventPropertyValueFactory factory) => _factory = factory;

            public LogEventProperty[] Finish()
            {
                if (_sequence != null)
                {
                    throw new InvalidOperationException("A sequence was not ended.");
                }

                return _properties.ToArray();
            }

            public void Reset()
            {
                _properties.Clear();
                _items.Clear();
                _sequence = null;
                _factory = null;
            }

            public void WriteMasked(string? name, string? maskedValue)
                => Add(name, maskedValue is null ? NullValue : maskedValue == PiiMask.Erased ? ErasedValue : new ScalarValue(maskedValue));

            public void WriteValue(string? name, object? value)
                => Add(name, value is null ? NullValue : Factory.CreatePropertyValue(value, destructureObjects: false));

            public void WriteMaskable(string? name, IMaskable? value)
                => Add(name, value is null ? NullValue : Factory.CreatePropertyValue(value, destructureObjects: true));

            public void BeginSequence(string name)
            {
                if (_sequence != null)
                {
                    throw new InvalidOperationException("Sequences do not nest.");
                }

                _sequence = name;
                _items.Clear();
            }

            public void EndSequence()
            {
                string name = _sequence ?? throw new InvalidOperationException("No sequence was started.");
                _sequence = null;
                _properties.Add(new LogEventProperty(name, new SequenceValue(_items.ToArray())));
                _items.Clear();
            }

            private ILogEventPropertyValueFactory Factory => _factory ?? throw new InvalidOperationException("The writer is not started.");

            private void Add(string? name, LogEventPropertyValue value)
            {
                if (_sequence != null)
                {
                    _items.Add(value);
                }
                else
                {
                    _properties.Add(new LogEventProperty(name ?? throw new ArgumentNullException(nameof(name)), value));
                }
            }
        }
    }
}
