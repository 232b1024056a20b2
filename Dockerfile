# syntax=docker/dockerfile:1
# Build the web app, then run the API (which serves it at /) as an unprivileged user.
# Node 24 is the active LTS line; the build only needs it, the image does not ship it.
FROM node:24-bookworm-slim AS web
WORKDIR /src
COPY openapi/ openapi/
COPY frontend/package.json frontend/package-lock.json frontend/
RUN cd frontend && npm ci --no-audit --no-fund
COPY frontend/ frontend/
RUN cd frontend && npm run build

FROM python:3.11-slim-bookworm
ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1 PIP_NO_CACHE_DIR=1 \
    BONDGENOOT_ENVIRONMENT=production BONDGENOOT_APP_ROOT=/app
WORKDIR /app
RUN useradd --system --uid 10001 --home /app bondgenoot
# Dependencies in their own layer, every one pinned by hash; the layer is rebuilt only when the lock changes.
COPY requirements/app.lock requirements/app.lock
RUN pip install --require-hashes --no-deps -r requirements/app.lock
# The app itself, installed non-editably and without resolving anything new.
COPY pyproject.toml README.md ./
COPY api/ api/
RUN pip install --no-deps . && rm -rf build api *.egg-info
COPY alembic.ini ./
COPY migrations/ migrations/
COPY openapi/ openapi/
COPY --from=web /src/frontend/dist frontend/dist
USER bondgenoot
EXPOSE 8000
HEALTHCHECK --interval=30s --timeout=3s CMD python -c "import urllib.request as u; u.urlopen('http://127.0.0.1:8000/api/v1/health/ready')"
# BONDGENOOT_SECRET_KEY and BONDGENOOT_DATABASE_URL must be given; the app refuses to start without a real key.
CMD ["sh", "-c", "bondgenoot migrate && exec bondgenoot serve --host 0.0.0.0 --port 8000"]
