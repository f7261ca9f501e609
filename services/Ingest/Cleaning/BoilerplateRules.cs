using System.Text.RegularExpressions;

namespace Newsroom.Ingest;

/// <summary>
/// Recognises the kinds of page furniture that survive into text: comment forms, newsletter boxes,
/// CMS shortcodes, "READ:" teaser links, photo captions with their credits, share bars. Each rule
/// describes a kind of line, not a particular site's wording.
/// </summary>
internal static partial class BoilerplateRules
{
    /// <summary>Any kind of boilerplate line.</summary>
    public static bool IsBoilerplate(string line) =>
        IsFurniturePhrase(line) || IsShareBar(line) || IsCopyrightNotice(line) || IsShortcode(line) || IsTeaserLink(line) || IsPhotoCaption(line) || IsSignOff(line);

    /// <summary>A row of sharing buttons as text: "Share  Tweet  Email  Print", "Facebook Twitter WhatsApp".</summary>
    public static bool IsShareBar(string line) => line.Length <= 120 && ShareBar().IsMatch(line);

    /// <summary>The site's notice under a story: "Valley Courier (c) 2025. Reproduction without permission is prohibited."</summary>
    public static bool IsCopyrightNotice(string line) => line.Length <= 200 && CopyrightNotice().IsMatch(line);

    /// <summary>The writer's contact line or the newsletter pitch under a story: "She may be reached at ...", "Subscribe to our newsletters."</summary>
    public static bool IsSignOff(string line) => line.Length <= 300 && SignOff().IsMatch(line);

    /// <summary>Comment forms, newsletter boxes, share bars, ad slots: short lines made of a known phrase.</summary>
    public static bool IsFurniturePhrase(string line) =>
        line.Length <= 160 && FurniturePhrase().IsMatch(line);

    /// <summary>A WordPress-style shortcode alone on a line, for example <c>[mc4wp_form id="206"]</c>.</summary>
    public static bool IsShortcode(string line) => Shortcode().IsMatch(line) || EnclosingShortcode().IsMatch(line);

    /// <summary>A link to another story with a label such as "READ:" or "OPINION:"; a teaser has no closing full stop.</summary>
    public static bool IsTeaserLink(string line) =>
        line.Length <= 220 && TeaserLabel().IsMatch(line) && !line.TrimEnd().EndsWith('.');

    /// <summary>A photo caption: a line that ends with a photo credit such as "(AP Photo/Name)" or "[Name/Getty Images]".</summary>
    public static bool IsPhotoCaption(string line) => line.Length <= 400 && PhotoCredit().IsMatch(line);

    // Whole-line labels first (a short line that is nothing but the label), then phrases distinctive enough to match as a prefix.
    [GeneratedRegex(
        @"^(((leave|post|add) a (reply|comment)|\d* ?comments?( \(\d+\))?|subscribe( now| today)?|newsletter|share( this)?( article| story| post)?|advertisement|advert|" +
        @"sponsored( content)?|related( posts| articles| stories)?|you (may|might) also like|most (read|popular)|cancel reply|print( this)?( page| article)?)\W*$|" +
        @"your email address will not be published|required fields are marked|(subscribe|sign up) (to|for) (our|the) ([\w-]+ )?newsletter|" +
        @"share (this|on|via) |click to share|follow us on|(skip|jump) to (main )?content|save my name, email|notify me of|logged in as|" +
        @"this entry was posted|filed under|tags:|all rights reserved|copyright ©|(this \w+ )?requires javascript|(please )?enable javascript)",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex FurniturePhrase();

    // Two or more button labels and nothing else; one word alone ("Print") is left to the phrases above.
    [GeneratedRegex(
        @"^\W*((share|tweet|e-?mail|print|pin( it)?|facebook|twitter|whatsapp|linkedin|reddit|pinterest|telegram|copy link|save|comments?)\b\W*){2,}$",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ShareBar();

    // A year after the copyright sign, or the notice's own words; a sentence about copyright in the story has neither.
    [GeneratedRegex(
        @"(\(c\)|©|\bcopyright\b)\s*(19|20)\d{2}\b|\ball rights reserved\b|\breproduction without permission\b",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex CopyrightNotice();

    [GeneratedRegex(
        @"\b(can|may) be reached at\b|\bfollow (him|her|them) on (twitter|facebook|instagram|x)\b|\bsubscribe to [\w.'\u2019 ]{0,40}newsletters?\b",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SignOff();

    // [button link="..."]Label[/button], with straight or typographic quotes.
    [GeneratedRegex(@"^\[(?<tag>[a-z][\w-]*)(\s[^\]]*)?\].{0,200}\[/\k<tag>\]$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex EnclosingShortcode();

    [GeneratedRegex(@"^\[/?[a-z][\w-]*(\s+[\w-]+(=(""[^""]*""|'[^']*'|[^\s\]]+))?)*\s*/?\]$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Shortcode();

    [GeneratedRegex(
        @"^((also|must|further) )?(read( more| also)?|opinion|related( story| article)?|see also|watch|listen|recommended|suggested( reading)?|more|trending|latest|in pictures|video|you (may|might) also like)\s*:\s*\S",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex TeaserLabel();

    // A bracketed tail with a credit inside: "Name/Agency", or the words photo, image, picture, credit, file or Getty.
    [GeneratedRegex(
        @"[(\[]\s*(?=[^)\]]*(\bphotos?\b|\bimages?\b|\bpictures?\b|\bcredit\b|\bfile\b|\bgetty\b|\w/\w))[^)\]]{2,120}[)\]]\s*$",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex PhotoCredit();
}
