namespace PiiGuard
{
    /// <summary>How a personal value is masked when it is printed.</summary>
    public enum MaskStyle
    {
        /// <summary>The convention of the member's <see cref="PiiKind"/>.</summary>
        Default = 0,
        /// <summary>Erase the value entirely (<c>***</c>), whatever its kind.</summary>
        Erase = 1,
        /// <summary>Show the first character only (<c>J***</c>); values shorter than 4 characters are erased.</summary>
        ShowFirst = 2,
        /// <summary>Show the last four characters only (<c>***6789</c>); values shorter than 8 characters are erased.</summary>
        ShowLastFour = 3,
    }
}
