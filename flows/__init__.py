"""The edge of bantin: the Prefect flow, its tasks, the deployment, the temporary API server
and the `bantin` command. Everything that decides about data lives in the `bantin` package,
which never imports from here.
"""
