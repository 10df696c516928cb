import Handlebars from 'handlebars';

/**
 * The site's pages as Handlebars templates: the same engine as the briefs, with its HTML escaping
 * for every value. Only `{{{body}}}` is inserted raw: the markup layer's already-safe fragment.
 */
const engine = Handlebars.create();

// Separators are the Arabic comma and the dash, never "·": beside Arabic-Indic digits a middle dot
// reads as a zero (٠).

engine.registerPartial(
  'head',
  `<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'self'; script-src 'none'; object-src 'none'; style-src 'self' 'unsafe-inline'; base-uri 'none'; form-action 'none'">
<meta name="generator" content="{{generator.name}} {{generator.version}}">
<title>{{share.title}}</title>
<meta name="description" content="{{share.description}}">
{{#if share.url}}
<link rel="canonical" href="{{share.url}}">
{{/if}}
<link rel="icon" href="favicon.svg" type="image/svg+xml">
<link rel="stylesheet" href="style.css">
<link rel="alternate" type="application/atom+xml" href="feed.xml" title="{{siteTitle}}">
{{> share}}`,
);

// Link previews (chat apps, social sites): Open Graph, which most read, and the Twitter card.
// Addresses are absolute or absent (see share() in buildSite.ts).
engine.registerPartial(
  'share',
  `<meta property="og:type" content="{{share.type}}">
<meta property="og:site_name" content="{{siteTitle}}">
<meta property="og:locale" content="ar_AR">
<meta property="og:title" content="{{share.title}}">
<meta property="og:description" content="{{share.description}}">
{{#if share.url}}
<meta property="og:url" content="{{share.url}}">
{{/if}}
{{#with share.image}}
<meta property="og:image" content="{{url}}">
<meta property="og:image:type" content="image/png">
<meta property="og:image:width" content="{{width}}">
<meta property="og:image:height" content="{{height}}">
<meta property="og:image:alt" content="{{alt}}">
{{/with}}
<meta name="twitter:card" content="summary">
<meta name="twitter:title" content="{{share.title}}">
<meta name="twitter:description" content="{{share.description}}">
{{#with share.image}}
<meta name="twitter:image" content="{{url}}">
<meta name="twitter:image:alt" content="{{alt}}">
{{/with}}`,
);

// The frame every edition page shares (an edition, the edition page, a superseded edition's page).
engine.registerPartial(
  'editionShell',
  `<!DOCTYPE html>
<html lang="ar" dir="rtl">
<head>
{{> head}}
</head>
<body class="edition">
<nav class="edition-nav"><a href="index.html">→ كل الموجزات</a></nav>
{{> @partial-block}}
</body>
</html>
`,
);

const indexSource = `<!DOCTYPE html>
<html lang="ar" dir="rtl">
<head>
{{> head}}
</head>
<body>
<header class="site-header">
<h1>{{siteTitle}}</h1>
<p class="lead">{{siteDescription}}</p>
<p class="meta">البيانات حتى <time datetime="{{asOf}}">{{asOfText}}</time> — <a href="feed.xml" type="application/atom+xml">اشترك في التحديثات (Atom)</a></p>
{{#if edition}}
<p class="meta">الإصدار <a href="{{edition.href}}"><code>{{edition.id}}</code></a>{{#if edition.previous}} — <a href="{{edition.href}}#changes">ما الذي تغيّر منذ الإصدار السابق</a>{{/if}}</p>
{{/if}}
</header>
<main>
<ul class="briefs">
{{#each briefs}}
<li class="brief" id="{{id}}">
<a class="thumb" href="{{htmlHref}}" tabindex="-1" aria-hidden="true"><img src="{{thumbnail.href}}" width="{{thumbnail.width}}" height="{{thumbnail.height}}" alt=""></a>
<div class="brief-text">
<h2><a href="{{htmlHref}}">{{title}}</a></h2>
<p class="summary">{{summary}}</p>
<p class="meta"><span>البيانات حتى <time datetime="{{asOf}}">{{asOfText}}</time>،</span> <span class="nowrap">{{pagesText}}،</span> <span class="nowrap">PDF بحجم {{sizeText}}</span></p>
<p class="actions"><a class="button" href="{{htmlHref}}">اقرأ على الصفحة</a> <a class="button primary" href="{{pdfHref}}" download type="application/pdf">نزّل PDF</a></p>
</div>
</li>
{{/each}}
</ul>
</main>
<footer class="site-footer">
<p>أُنتجت هذه الموجزات آليًا من بيانات موثّقة المصادر. <a href="manifest.json">قائمة الملفات وبصماتها</a> — {{generator.name}} {{generator.version}}</p>
</footer>
</body>
</html>
`;

const editionSource = `{{#> editionShell}}
<header class="edition-header">
{{#if pageTitle}}
<h1>{{pageTitle}}</h1>
{{/if}}
<p class="meta">البيانات حتى <time datetime="{{brief.asOf}}">{{brief.asOfText}}</time> — <a href="{{brief.pdfHref}}" download type="application/pdf">نسخة PDF ({{brief.pagesText}}، {{brief.sizeText}})</a></p>
</header>
<main class="brief-body">
{{{body}}}
</main>
<footer class="site-footer">
<p><a href="index.html">كل الموجزات</a> — <a href="{{brief.pdfHref}}" download type="application/pdf">نزّل PDF</a></p>
</footer>
{{/editionShell}}
`;

const editionPageSource = `{{#> editionShell}}
<header class="edition-header">
<h1>الإصدار <code>{{edition.id}}</code></h1>
<p class="meta">البيانات حتى <time datetime="{{asOf}}">{{asOfText}}</time> — {{generator.name}} {{generator.version}}</p>
</header>
<main class="brief-body">
<p>هذا الإصدار هو الحالي. كل ملف PDF منه يحمل البيانات التي بُني منها، ويتحقق منه الأمر <code dir="ltr">briefs verify FILE.pdf</code>.</p>
<ul class="edition-files">
{{#each briefs}}
<li><a href="{{pdfHref}}" download type="application/pdf">{{title}}</a> <span class="meta">({{pagesText}}، {{sizeText}})</span></li>
{{/each}}
</ul>
<section id="changes">
{{#if edition.previous}}
{{{edition.changesHtml}}}
{{else}}
<h2>ما الذي تغيّر منذ الإصدار السابق</h2>
<p>لم يُقارَن هذا الإصدار بإصدار سابق.</p>
{{/if}}
</section>
</main>
<footer class="site-footer">
<p><a href="index.html">كل الموجزات</a> — <a href="manifest.json">قائمة الملفات وبصماتها</a></p>
</footer>
{{/editionShell}}
`;

const supersededSource = `{{#> editionShell}}
<header class="edition-header">
<h1>الإصدار <code>{{old.id}}</code></h1>
<p class="meta">البيانات حتى <time datetime="{{old.asOf}}">{{old.asOfText}}</time></p>
</header>
<main class="brief-body">
<p>حلّ محلّ هذا الإصدار إصدارٌ أحدث: <a href="{{edition.href}}"><code>{{edition.id}}</code></a> (البيانات حتى {{asOfText}})، وفيه ما الذي تغيّر منذ هذا الإصدار.</p>
</main>
<footer class="site-footer">
<p><a href="index.html">كل الموجزات</a></p>
</footer>
{{/editionShell}}
`;

const feedSource = `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="ar">
<id>{{feedId}}</id>
<title>{{siteTitle}}</title>
<subtitle>{{siteDescription}}</subtitle>
<updated>{{updated}}</updated>
<author><name>{{generator.name}}</name></author>
<generator version="{{generator.version}}">{{generator.name}}</generator>
<link rel="self" type="application/atom+xml" href="{{selfHref}}"/>
<link rel="alternate" type="text/html" href="{{indexHref}}"/>
{{#each entries}}
<entry>
<id>{{id}}</id>
<title>{{title}}</title>
<updated>{{updated}}</updated>
<summary>{{summary}}</summary>
{{#if content}}
<content type="html">{{content}}</content>
{{/if}}
<link rel="alternate" type="text/html" href="{{htmlHref}}"/>
<link rel="enclosure" type="application/pdf" href="{{pdfHref}}" length="{{bytes}}"/>
</entry>
{{/each}}
</feed>
`;

const options = { strict: true, noEscape: false } as const;
export const indexTemplate = engine.compile(indexSource, options);
export const editionTemplate = engine.compile(editionSource, options);
export const feedTemplate = engine.compile(feedSource, options);
export const editionPageTemplate = engine.compile(editionPageSource, options);
export const supersededTemplate = engine.compile(supersededSource, options);
