"""The pages of the Streamlit app (app.py), one module per page.

Each module has a `render()` and runs it when Streamlit executes the file as a page
(`__name__ == "__main__"`); importing a module does nothing. Pages call the library
(pipeline.store, pipeline.views, pipeline.export, pipeline.ingest), never SQL.
"""
