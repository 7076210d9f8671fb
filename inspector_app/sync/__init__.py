"""Sync by exported file: points -> district office -> points.

A point exports its changed records as one signed, encrypted package file; the district office
verifies and imports it in one transaction and answers with a signed receipt (and, when changed,
a reference-data package). The format is written down in ``docs/sync-format.md``.

Modules, one job each:

- :mod:`keys`: this database's key pairs, fingerprints, public key files; :mod:`trust`:
  enrolment (trusting the other side's key file);
- :mod:`crypto`: the encrypted stream (X25519 + HKDF + AES-256-GCM in chunks);
- :mod:`container`: members, manifest and signature inside the encrypted stream;
  :mod:`manifest`: the manifest's fields and their checks; :mod:`package`: whole files;
- :mod:`codec`: records to JSON lines and back, with type checks;
- :mod:`state`: the sync tables (export log, peers, imported packages, acknowledged mark);
- :mod:`export`: a point's export; :mod:`holdings`: the (id, version) checksum;
- :mod:`lookup`: the resolver of the rules validating a package (its records, cached);
- :mod:`apply`: checking and preparing a point's records; :mod:`trail`: the points' audit
  trails; :mod:`prepare`: a whole package; :mod:`pipeline`: where the writes go (at once, or
  from a worker process); :mod:`search_index`: the search index filled in bulk;
- :mod:`district_import`: applying a records package; :mod:`coverage`: gaps;
- :mod:`receipts` and :mod:`reference`: what goes back to the points;
- :mod:`importer`: import of any package kind, file by file, in group transactions;
  :mod:`results`: the report per file; :mod:`refused`: refused files kept aside;
- :mod:`overview`: the district's view of its points.
"""
