namespace EduFunds.Model;

/// <summary>A basic service or a flagship (visible) event.</summary>
public enum ProgramCategory
{
    /// <summary>A basic education service (<c>basic</c>).</summary>
    Basic,

    /// <summary>A flagship, visible event (<c>flagship</c>).</summary>
    Flagship,
}
