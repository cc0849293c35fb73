graph [
  directed 1
  multigraph 1
  node [
    id 0
    label "Port Veyra"
    iri "gpe/port-veyra"
    type "GPE"
    aliases ""
    articles 1
    statements 0
    quotes ""
  ]
  node [
    id 1
    label "Borealis &quot;Blue&quot; Freight &amp; Co"
    iri "org/borealis-blue-freight-co"
    type "ORG"
    aliases "&quot;Blue&quot; Freight;Borealis"
    articles 2
    statements 2
    quotes ""
  ]
  node [
    id 2
    label "Marrow Council"
    iri "org/marrow-council"
    type "ORG"
    aliases "the council"
    articles 2
    statements 2
    quotes ""
  ]
  node [
    id 3
    label "Ada Quill"
    iri "person/ada-quill"
    type "PERSON"
    aliases "A. Quill;Quill"
    articles 2
    statements 3
    quotes "[{&quot;text&quot;:&quot;prices would fall \&quot;soon\&quot; \\ maybe&quot;,&quot;relation&quot;:&quot;said&quot;,&quot;article&quot;:&quot;a1.txt&quot;,&quot;source&quot;:&quot;The Veyra Post&quot;,&quot;date&quot;:&quot;2031-04-05&quot;,&quot;url&quot;:&quot;https://example.org/a1?x=1&amp;y=2&quot;}]"
  ]
  node [
    id 4
    label "Tom&#225;s Reyne"
    iri "person/tomas-reyne"
    type "PERSON"
    aliases "Reyne"
    articles 1
    statements 1
    quotes ""
  ]
  node [
    id 5
    label "Lantern\9"
    iri "product/lantern-9"
    type "PRODUCT"
    aliases ""
    articles 1
    statements 0
    quotes ""
  ]
  edge [
    source 1
    target 5
    label "launched"
    relations "launched"
    sources 1
    sourceIds "news/a 2.txt"
    confidence 1.0
    statements 1
    time "2029"
  ]
  edge [
    source 2
    target 0
    label "met with"
    relations "met"
    sources 1
    sourceIds "news/a 2.txt"
    confidence 0.7
    statements 1
    time "2030-03"
  ]
  edge [
    source 3
    target 1
    label "praised"
    relations "hailed;praised"
    sources 2
    sourceIds "a1.txt;news/a 2.txt"
    confidence 0.95
    statements 2
    time "2031-04-04"
  ]
  edge [
    source 4
    target 1
    label "praised"
    relations "praised"
    sources 1
    sourceIds "news/a 2.txt"
    confidence 0.75
    statements 1
    time ""
  ]
]
