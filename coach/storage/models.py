"""The coach's own data: users, their settings and their progress. Rasa keeps its tracker events apart."""
from __future__ import annotations

from datetime import datetime, timezone

from sqlalchemy import JSON, Boolean, Column, DateTime, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import declarative_base, relationship

Base = declarative_base()


def utcnow() -> datetime:
    return datetime.now(timezone.utc).replace(tzinfo=None)


class User(Base):
    __tablename__ = "coach_users"
    __table_args__ = (UniqueConstraint("platform", "platform_id"),)

    id = Column(Integer, primary_key=True)
    platform = Column(String(32), nullable=False)
    platform_id = Column(String(64), nullable=False)
    created_at = Column(DateTime, default=utcnow, nullable=False)
    consented_at = Column(DateTime)
    country = Column(String(8))
    timezone = Column(String(64))
    ladder_level = Column(Integer, default=1, nullable=False)
    last_seen_at = Column(DateTime)

    checkins = relationship("CheckIn", cascade="all, delete-orphan", passive_deletes=True)
    reframes = relationship("Reframe", cascade="all, delete-orphan", passive_deletes=True)
    disclosures = relationship("Disclosure", cascade="all, delete-orphan", passive_deletes=True)
    practice_results = relationship("PracticeResult", cascade="all, delete-orphan", passive_deletes=True)
    skill_events = relationship("SkillEvent", cascade="all, delete-orphan", passive_deletes=True)
    crisis_events = relationship("CrisisEvent", cascade="all, delete-orphan", passive_deletes=True)
    safety_plan = relationship("SafetyPlan", uselist=False, cascade="all, delete-orphan", passive_deletes=True)
    reminder = relationship("Reminder", uselist=False, cascade="all, delete-orphan", passive_deletes=True)


def _owned_by_user():
    return Column(Integer, ForeignKey("coach_users.id", ondelete="CASCADE"), nullable=False, index=True)


class CheckIn(Base):
    __tablename__ = "coach_checkins"
    id = Column(Integer, primary_key=True)
    user_id = _owned_by_user()
    created_at = Column(DateTime, default=utcnow, nullable=False)
    mood = Column(Integer)
    feeling = Column(String(40))
    core_feeling = Column(String(40))
    body = Column(String(40))


class Reframe(Base):
    __tablename__ = "coach_reframes"
    id = Column(Integer, primary_key=True)
    user_id = _owned_by_user()
    created_at = Column(DateTime, default=utcnow, nullable=False)
    script = Column(Text, nullable=False)
    norm = Column(String(40), nullable=False)
    origin = Column(Text)
    cost = Column(Text)
    reframe = Column(Text, nullable=False)


class Disclosure(Base):
    __tablename__ = "coach_disclosures"
    id = Column(Integer, primary_key=True)
    user_id = _owned_by_user()
    created_at = Column(DateTime, default=utcnow, nullable=False)
    level = Column(Integer, nullable=False)
    plan = Column(Text, nullable=False)
    status = Column(String(16), default="planned", nullable=False)
    outcome = Column(String(16))
    followed_up_at = Column(DateTime)


class PracticeResult(Base):
    __tablename__ = "coach_practice_results"
    id = Column(Integer, primary_key=True)
    user_id = _owned_by_user()
    created_at = Column(DateTime, default=utcnow, nullable=False)
    scenario = Column(String(64), nullable=False)
    skill = Column(String(16), nullable=False)
    score = Column(Integer, nullable=False)
    labels = Column(JSON, nullable=False)


class SkillEvent(Base):
    """One step of a coaching flow completed: what the progress chart counts as 'skills practised'."""

    __tablename__ = "coach_skill_events"
    id = Column(Integer, primary_key=True)
    user_id = _owned_by_user()
    created_at = Column(DateTime, default=utcnow, nullable=False)
    skill = Column(String(32), nullable=False)
    detail = Column(String(64))


class SafetyPlan(Base):
    __tablename__ = "coach_safety_plans"
    user_id = Column(Integer, ForeignKey("coach_users.id", ondelete="CASCADE"), primary_key=True)
    updated_at = Column(DateTime, default=utcnow, onupdate=utcnow, nullable=False)
    warning_signs = Column(Text)
    things_that_help = Column(Text)
    reasons = Column(Text)
    contacts = Column(Text)


class CrisisEvent(Base):
    """That a crisis response was shown, and which resources: never what the user wrote."""

    __tablename__ = "coach_crisis_events"
    id = Column(Integer, primary_key=True)
    user_id = _owned_by_user()
    created_at = Column(DateTime, default=utcnow, nullable=False)
    resources = Column(JSON, nullable=False)


class Reminder(Base):
    __tablename__ = "coach_reminders"
    user_id = Column(Integer, ForeignKey("coach_users.id", ondelete="CASCADE"), primary_key=True)
    local_time = Column(String(5), nullable=False)
    timezone = Column(String(64), nullable=False, default="UTC")
    enabled = Column(Boolean, default=True, nullable=False)
    chat_id = Column(String(64), nullable=False)


class StarterChannel(Base):
    """A community channel for weekly conversation starters. Holds no user data."""

    __tablename__ = "coach_starter_channels"
    guild_id = Column(String(32), primary_key=True)
    channel_id = Column(String(32), nullable=False)
    last_posted_at = Column(DateTime)
