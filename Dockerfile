# syntax=docker/dockerfile:1
# Build the web app, then run the API (which serves it at /) as an unprivileged user.
FROM node:20-bookworm-slim AS web
WORKDIR /src
COPY openapi/ openapi/
COPY frontend/package.json frontend/package-lock.json frontend/
RUN cd frontend && npm ci --no-audit --no-fund
COPY frontend/ frontend/
RUN cd frontend && npm run build

FROM python:3.11-slim-bookworm
ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1 PIP_NO_CACHE_DIR=1 \
    BONDGENOOT_ENVIRONMENT=production
WORKDIR /app
RUN useradd --system --uid 10001 --home /app bondgenoot
COPY pyproject.toml alembic.ini README.md ./
COPY api/ api/
COPY migrations/ migrations/
COPY openapi/ openapi/
RUN pip install -e . && chown -R bondgenoot /app
COPY --from=web /src/frontend/dist frontend/dist
USER bondgenoot
EXPOSE 8000
HEALTHCHECK --interval=30s --timeout=3s CMD python -c "import urllib.request as u; u.urlopen('http://127.0.0.1:8000/api/v1/health/ready')"
# BONDGENOOT_SECRET_KEY and BONDGENOOT_DATABASE_URL must be given; the app refuses to start without a real key.
CMD ["sh", "-c", "bondgenoot migrate && exec bondgenoot serve --host 0.0.0.0 --port 8000"]
