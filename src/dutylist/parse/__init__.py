"""Turn any reader's neutral rows into the model (blocks, cells, columns, vocabulary)."""
