/**
 * The labels of core's own value lists (identity levels, age bands, genders, roles, place types,
 * referral statuses, activity kinds and audiences, who takes a plan step, why a record was
 * voided), so an app shows "Přezdívka" or "Псевдонім" instead of `pseudonymous`. Written in
 * core's languages ({@link coreLanguages}): the four every plugin writes, and Ukrainian, which
 * many clients of the seeds' services speak today.
 *
 * @since 0.2.0
 */
import type { ActivityKind } from "./Activity.js"
import type { Role } from "./Actor.js"
import type { AgeBand, Gender, Labels } from "./Common.js"
import type { LocationKind } from "./Directory.js"
import type { IdentityLevel } from "./Person.js"
import type { StepActor } from "./Plan.js"
import type { ReferralStatus } from "./Referral.js"
import type { VoidReason } from "./Voided.js"

/**
 * The languages core's own labels (these value lists, the principles and their rules' messages)
 * are written in: English, Czech, Lithuanian, Bulgarian and Ukrainian.
 *
 * @since 0.2.0
 * @category models
 */
export const coreLanguages = ["en", "cs", "lt", "bg", "uk"] as const

/**
 * One of {@link coreLanguages}.
 *
 * @since 0.2.0
 * @category models
 */
export type CoreLanguage = typeof coreLanguages[number]

/**
 * Labels in every one of core's languages.
 *
 * @since 0.2.0
 * @category models
 */
export type CoreLabels = Labels & { readonly uk: string }

const t = (en: string, cs: string, lt: string, bg: string, uk: string): CoreLabels => ({ en, cs, lt, bg, uk })

/**
 * The audiences of a group activity.
 *
 * @since 0.2.0
 * @category models
 */
export type Audience = "children" | "youth" | "adults" | "seniors" | "families" | "staff" | "all"

/**
 * Core's value lists with the labels of each value, by list.
 *
 * @since 0.2.0
 * @category models
 */
export interface ValueLists {
  /** How much the service knows of a person. */
  readonly identityLevel: { readonly [K in IdentityLevel]: CoreLabels }
  /** Age bands. */
  readonly ageBand: { readonly [K in AgeBand]: CoreLabels }
  /** Genders. */
  readonly gender: { readonly [K in Gender]: CoreLabels }
  /** Staff roles. */
  readonly role: { readonly [K in Role]: CoreLabels }
  /** Core's place types (a plugin may define its own). */
  readonly locationKind: { readonly [K in LocationKind]: CoreLabels }
  /** Where a referral stands. */
  readonly referralStatus: { readonly [K in ReferralStatus]: CoreLabels }
  /** Kinds of group activity. */
  readonly activityKind: { readonly [K in ActivityKind]: CoreLabels }
  /** Who a group activity is for. */
  readonly audience: { readonly [K in Audience]: CoreLabels }
  /** Who takes a step of an individual plan. */
  readonly stepActor: { readonly [K in StepActor]: CoreLabels }
  /** Why a record was voided. */
  readonly voidReason: { readonly [K in VoidReason]: CoreLabels }
}

/**
 * The name of one of core's value lists.
 *
 * @since 0.2.0
 * @category models
 */
export type ValueList = keyof ValueLists

/**
 * Core's value lists, labelled in {@link coreLanguages}.
 *
 * @example
 * ```ts
 * import { Vocabulary } from "@pomoc/core"
 *
 * Vocabulary.valueLists.identityLevel.pseudonymous.uk // "Під псевдонімом"
 * ```
 *
 * @since 0.2.0
 * @category models
 */
export const valueLists: ValueLists = {
  identityLevel: {
    anonymous: t("Anonymous", "Anonymní", "Anoniminis", "Анонимен", "Анонімний"),
    pseudonymous: t(
      "Under a nickname or code",
      "Pod přezdívkou nebo kódem",
      "Slapyvardžiu arba kodu",
      "С псевдоним или код",
      "Під псевдонімом або кодом"
    ),
    identified: t("Identified", "Identifikovaný", "Nustatytos tapatybės", "Идентифициран", "Ідентифікований")
  },
  ageBand: {
    "0-5": t("0–5 years", "0–5 let", "0–5 metai", "0–5 години", "0–5 років"),
    "6-10": t("6–10 years", "6–10 let", "6–10 metų", "6–10 години", "6–10 років"),
    "11-14": t("11–14 years", "11–14 let", "11–14 metų", "11–14 години", "11–14 років"),
    "15-17": t("15–17 years", "15–17 let", "15–17 metų", "15–17 години", "15–17 років"),
    "18-20": t("18–20 years", "18–20 let", "18–20 metų", "18–20 години", "18–20 років"),
    "21-26": t("21–26 years", "21–26 let", "21–26 metai", "21–26 години", "21–26 років"),
    "27-64": t("27–64 years", "27–64 let", "27–64 metai", "27–64 години", "27–64 роки"),
    "65+": t("65 years and over", "65 let a více", "65 metų ir daugiau", "65 и повече години", "65 років і більше"),
    "not-stated": t("Not stated", "Neuvedeno", "Nenurodyta", "Не е посочено", "Не зазначено")
  },
  gender: {
    female: t("Female", "Žena", "Moteris", "Жена", "Жінка"),
    male: t("Male", "Muž", "Vyras", "Мъж", "Чоловік"),
    other: t("Other", "Jiné", "Kita", "Друго", "Інше"),
    "not-stated": t("Not stated", "Neuvedeno", "Nenurodyta", "Не е посочено", "Не зазначено")
  },
  role: {
    worker: t("Worker", "Pracovník/pracovnice", "Darbuotojas", "Служител", "Працівник"),
    coordinator: t("Coordinator", "Koordinátor/ka", "Koordinatorius", "Координатор", "Координатор"),
    administrator: t("Administrator", "Správce/správkyně", "Administratorius", "Администратор", "Адміністратор"),
    auditor: t("Auditor", "Auditor/ka", "Auditorius", "Одитор", "Аудитор"),
    volunteer: t("Volunteer", "Dobrovolník/dobrovolnice", "Savanoris", "Доброволец", "Волонтер")
  },
  locationKind: {
    "club-premises": t("Club premises", "Prostory klubu", "Klubo patalpos", "Помещения на клуба", "Приміщення клубу"),
    "street-area": t("Street", "Ulice", "Gatvė", "Улица", "Вулиця"),
    school: t("School", "Škola", "Mokykla", "Училище", "Школа"),
    "shopping-centre": t(
      "Shopping centre",
      "Obchodní centrum",
      "Prekybos centras",
      "Търговски център",
      "Торговельний центр"
    ),
    "event-venue": t("Event venue", "Místo konání akce", "Renginio vieta", "Място на събитието", "Місце події"),
    "online-platform": t(
      "Online platform",
      "Online platforma",
      "Internetinė platforma",
      "Онлайн платформа",
      "Онлайн-платформа"
    ),
    office: t("Office", "Kancelář", "Biuras", "Офис", "Офіс"),
    "care-institution": t(
      "Care institution",
      "Zařízení péče",
      "Globos įstaiga",
      "Институция за грижа",
      "Заклад опіки"
    )
  },
  referralStatus: {
    requested: t("Requested", "Vyžádáno", "Paprašyta", "Поискано", "Запитано"),
    accepted: t("Accepted", "Přijato", "Priimta", "Прието", "Прийнято"),
    rejected: t("Rejected", "Odmítnuto", "Atmesta", "Отхвърлено", "Відхилено"),
    done: t("Done", "Uskutečněno", "Įvykdyta", "Изпълнено", "Виконано"),
    revoked: t("Revoked", "Zrušeno", "Atšaukta", "Оттеглено", "Скасовано")
  },
  activityKind: {
    "group-session": t(
      "Group session",
      "Skupinové setkání",
      "Grupės užsiėmimas",
      "Групово занимание",
      "Групове заняття"
    ),
    event: t("Event", "Akce", "Renginys", "Събитие", "Захід"),
    course: t("Course", "Kurz", "Kursai", "Курс", "Курс"),
    camp: t("Camp", "Tábor", "Stovykla", "Лагер", "Табір"),
    training: t("Training", "Školení", "Mokymai", "Обучение", "Навчання"),
    club: t("Club or group", "Kroužek nebo skupina", "Būrelis ar grupė", "Клуб или група", "Гурток або група"),
    other: t("Other", "Jiné", "Kita", "Друго", "Інше")
  },
  audience: {
    children: t("Children", "Děti", "Vaikai", "Деца", "Діти"),
    youth: t("Young people", "Mládež", "Jaunimas", "Младежи", "Молодь"),
    adults: t("Adults", "Dospělí", "Suaugusieji", "Възрастни", "Дорослі"),
    seniors: t("Seniors", "Senioři", "Senjorai", "Възрастни хора", "Люди похилого віку"),
    families: t("Families", "Rodiny", "Šeimos", "Семейства", "Сім'ї"),
    staff: t("Staff", "Pracovníci", "Darbuotojai", "Служители", "Персонал"),
    all: t("Everyone", "Všichni", "Visi", "Всички", "Усі")
  },
  stepActor: {
    person: t("The person", "Člověk sám", "Pats žmogus", "Самият човек", "Сама людина"),
    worker: t("The worker", "Pracovník/pracovnice", "Darbuotojas", "Служителят", "Працівник"),
    together: t("Together", "Společně", "Kartu", "Заедно", "Разом"),
    other: t("Someone else", "Někdo jiný", "Kas nors kitas", "Някой друг", "Хтось інший")
  },
  voidReason: {
    "entered-in-error": t(
      "Entered in error",
      "Zadáno omylem",
      "Įvesta per klaidą",
      "Въведено по грешка",
      "Внесено помилково"
    ),
    duplicate: t("Duplicate", "Duplicitní záznam", "Dublikatas", "Дубликат", "Дублікат"),
    "wrong-person": t("Wrong person", "Nesprávný člověk", "Ne tas žmogus", "Грешен човек", "Не та людина"),
    "wrong-service": t("Wrong service", "Nesprávná služba", "Ne ta paslauga", "Грешна услуга", "Не та послуга"),
    "test-record": t("Test record", "Zkušební záznam", "Bandomasis įrašas", "Тестов запис", "Тестовий запис")
  }
}

/**
 * The label of a value of one of core's lists in a language, or `undefined` when the value is
 * not in the list or core has no label in that language.
 *
 * @example
 * ```ts
 * import { Vocabulary } from "@pomoc/core"
 *
 * Vocabulary.label("ageBand", "65+", "cs") // "65 let a více"
 * ```
 *
 * @since 0.2.0
 * @category combinators
 */
export const label = (list: ValueList, value: string, language: string): string | undefined => {
  const values = valueLists[list] as Readonly<Record<string, Readonly<Record<string, string>>>>
  const labels = Object.hasOwn(values, value) ? values[value] : undefined
  return labels !== undefined && Object.hasOwn(labels, language) ? labels[language] : undefined
}
