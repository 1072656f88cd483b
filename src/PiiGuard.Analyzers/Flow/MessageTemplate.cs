using System.Collections.Generic;

namespace PiiGuard.Analyzers.Flow
{
    /// <summary>Reads the holes of a message template (Serilog, NLog structured logging): for each, in order, whether it destructures ({@x}).</summary>
    internal static class MessageTemplate
    {
        public static List<bool>? Parse(string? template)
        {
            if (template is null)
            {
                return null;
            }

            var holes = new List<bool>();
            for (int i = 0; i < template.Length; i++)
            {
                if (template[i] != '{')
                {
                    continue;
                }

                if (i + 1 < template.Length && template[i + 1] == '{')
                {
                    i++;
                    continue;
                }

                int end = template.IndexOf('}', i + 1);
                if (end < 0)
                {
                    break;
                }

                holes.Add(i + 1 < end && template[i + 1] == '@');
                i = end;
            }

            return holes;
        }
    }
}
