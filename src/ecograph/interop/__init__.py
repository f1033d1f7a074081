"""Working with the tools people already use: the Excel collection template, Gephi (GEXF, GraphML), Kumu and uMap.

* :mod:`~ecograph.interop.template`: the collection workbook with drop-down lists (and the gaps marked);
* :mod:`~ecograph.interop.gexf` and :mod:`~ecograph.interop.graphml`: GEXF and GraphML, read and written
  (:mod:`~ecograph.interop.gephi` re-exports both for older code);
* :mod:`~ecograph.interop.xml`: what they share: the safe XML parser, edges written both ways folded back;
* :mod:`~ecograph.interop.kumu`: Kumu blueprint JSON, project exports and workbooks;
* :mod:`~ecograph.interop.umap`: uMap backups, GeoJSON and CSV;
* :mod:`~ecograph.interop.exchange`: what those readers share (ids, defaults, leftovers);
* :mod:`~ecograph.interop.formats`: the formats table the command line reads (a new format: one module, one row);
* :mod:`~ecograph.interop.flat`: the network with its measures as plain attributes, for networkx's writers and Gephi;
* :mod:`~ecograph.interop.invite`: one offline HTML form per actor to check and complete what is known of it;
* :mod:`~ecograph.interop.merge`: the forms' answers (and a filled gaps workbook) reviewed, then applied to a new dataset;
* :mod:`~ecograph.interop.datapackage`: a Frictionless ``datapackage.json`` for a dataset folder.

Examples
--------
>>> from ecograph.interop import gexf, graphml, kumu, umap
>>> callable(gexf.read_gexf) and callable(graphml.read_graphml) and callable(kumu.read_kumu) and callable(umap.read_umap)
True
"""

__all__: list[str] = []  # the formats are read and written through their modules
