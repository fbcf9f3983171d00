using System.Diagnostics.CodeAnalysis;

// Added on the programmes branch when it merged main's PublicApiAnalyzers with the scoring branch: the two XmRChart.Analyse
// overloads (allocating, and into caller-supplied spans) both take an optional SpcOptions, which RS0026 flags. The
// overloads differ in their required parameters, so calls are not ambiguous; the owner of Scoring may prefer another
// fix (such as a required options parameter on the span overload), in which case delete this file.
[assembly: SuppressMessage("ApiDesign", "RS0026:Do not add multiple public overloads with optional parameters", Justification = "The overloads differ in their required parameters; see the comment above.", Scope = "member", Target = "~M:CoProduction.Scoring.XmRChart.Analyse(System.ReadOnlySpan{System.Double},CoProduction.Scoring.SpcOptions)~CoProduction.Scoring.XmRResult")]
[assembly: SuppressMessage("ApiDesign", "RS0026:Do not add multiple public overloads with optional parameters", Justification = "The overloads differ in their required parameters; see the comment above.", Scope = "member", Target = "~M:CoProduction.Scoring.XmRChart.Analyse(System.ReadOnlySpan{System.Double},System.Span{CoProduction.Scoring.PointType},System.Span{CoProduction.Scoring.SpecialCauseRule},CoProduction.Scoring.SpcOptions)~CoProduction.Scoring.XmRLimits")]
