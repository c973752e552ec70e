/**
 * The taxonomies of work with children and young people in care, from seeds/003 (a Bulgarian
 * NGO for children in a disadvantaged position under institutional or foster care): needs
 * analyses, individual and group training (also for the staff of specialised institutions),
 * career guidance and job-search support, and the volunteers and interns who help. Labels in
 * English, Czech, Lithuanian and Bulgarian.
 *
 * @since 0.1.0
 */
import type { Labels, LocationKind } from "@pomoc/core"
import { labels } from "./internal/labels.js"

/**
 * What the organisation's workers and volunteers do with a child or young person.
 *
 * @since 0.1.0
 * @category models
 */
export const interventions = {
  "needs-analysis": labels(
    "Needs analysis (intellectual, social, psychological, career prospects)",
    "Analýza potřeb (intelektuálních, sociálních, psychologických, profesních vyhlídek)",
    "Poreikių analizė (intelektiniai, socialiniai, psichologiniai poreikiai, profesinės perspektyvos)",
    "Анализ на потребностите (интелектуални, социални, психологически, възможности за реализация)"
  ),
  "individual-training": labels("Individual training", "Individuální vzdělávání", "Individualus mokymas", "Индивидуално обучение"),
  "group-training": labels("Group training", "Skupinové vzdělávání", "Grupinis mokymas", "Групово обучение"),
  "career-guidance": labels("Career guidance", "Kariérové poradenství", "Profesinis orientavimas", "Кариерно ориентиране"),
  "job-search-support": labels("Support in job search", "Podpora při hledání práce", "Pagalba ieškant darbo", "Помощ при търсене на работа"),
  "career-change-support": labels(
    "Support in a career change",
    "Podpora při změně profesní dráhy",
    "Pagalba keičiant profesinę kryptį",
    "Подкрепа при промяна в кариерното развитие"
  ),
  "psychological-support": labels("Psychological support", "Psychologická podpora", "Psichologinė pagalba", "Психологическа подкрепа"),
  "social-skills": labels("Social skills development", "Rozvoj sociálních dovedností", "Socialinių įgūdžių ugdymas", "Развиване на социални умения"),
  mentoring: labels("Mentoring by a volunteer", "Mentoring dobrovolníkem", "Savanorio mentorystė", "Менторство от доброволец"),
  "mediation-with-employers-and-schools": labels(
    "Mediation with employers and schools",
    "Zprostředkování kontaktu se zaměstnavateli a školami",
    "Tarpininkavimas su darbdaviais ir mokyklomis",
    "Посредничество с работодатели и училища"
  )
}

/**
 * An intervention code of work with children in care.
 *
 * @since 0.1.0
 * @category models
 */
export type Intervention = keyof typeof interventions

/**
 * How a contact happens.
 *
 * @since 0.1.0
 * @category models
 */
export const channels = {
  "in-person": labels("In person", "Osobně", "Asmeniškai", "Лично"),
  phone: labels("Phone", "Telefonicky", "Telefonu", "По телефона"),
  online: labels("Online", "Online", "Internetu", "Онлайн"),
  "through-care-staff": labels(
    "Through the care staff",
    "Prostřednictvím pracovníků zařízení",
    "Per globos įstaigos darbuotojus",
    "Чрез персонала на институцията"
  )
}

/**
 * How a child or young person first came to the organisation.
 *
 * @since 0.1.0
 * @category models
 */
export const firstContactChannels = {
  "care-institution-visit": labels(
    "A visit to the care institution",
    "Návštěva pobytového zařízení",
    "Apsilankymas globos įstaigoje",
    "Посещение в специализираната институция"
  ),
  "child-protection-referral": labels(
    "Referral by the child protection department",
    "Doporučení orgánu sociálně-právní ochrany dětí",
    "Vaiko teisių apsaugos tarnybos nukreipimas",
    "Насочване от отдел „Закрила на детето“"
  ),
  "foster-carer-referral": labels("Referral by a foster carer", "Doporučení pěstouna", "Globėjo nukreipimas", "Насочване от приемен родител"),
  "partner-organisation": labels("A partner organisation", "Partnerská organizace", "Partnerė organizacija", "Партньорска организация"),
  "project-event": labels("A project event", "Akce projektu", "Projekto renginys", "Събитие по проект"),
  "self-referral": labels("Got in touch themselves", "Ozval(a) se sám/sama", "Kreipėsi pats (pati)", "Свързал(а) се е сам(а)")
}

/**
 * The kinds of place where the work happens (a subset of the core's location kinds).
 *
 * @since 0.1.0
 * @category models
 */
export const locationKinds = {
  "care-institution": labels(
    "Specialised institution or residential care service",
    "Pobytové zařízení pro děti",
    "Vaikų globos įstaiga",
    "Специализирана институция или резидентна услуга"
  ),
  office: labels("Office of the organisation", "Kancelář organizace", "Organizacijos biuras", "Офис на организацията"),
  school: labels("School", "Škola", "Mokykla", "Училище"),
  "event-venue": labels("Event venue", "Místo konání akce", "Renginio vieta", "Място на събитието"),
  "online-platform": labels("Online platform", "Online platforma", "Internetinė platforma", "Онлайн платформа")
} satisfies Partial<Record<LocationKind, Labels>>

/**
 * The domains of a needs analysis ("интелектуални и социални потребности и интереси,
 * психологически проблеми, възможности за бъдеща житейска и професионална реализация").
 *
 * @since 0.1.0
 * @category models
 */
export const needs = {
  intellectual: labels(
    "Intellectual needs and interests",
    "Intelektuální potřeby a zájmy",
    "Intelektiniai poreikiai ir interesai",
    "Интелектуални потребности и интереси"
  ),
  social: labels("Social needs and interests", "Sociální potřeby a zájmy", "Socialiniai poreikiai ir interesai", "Социални потребности и интереси"),
  psychological: labels("Psychological difficulties", "Psychické obtíže", "Psichologiniai sunkumai", "Психологически проблеми"),
  "career-prospects": labels(
    "Prospects for life and work",
    "Vyhlídky na životní a profesní uplatnění",
    "Gyvenimo ir profesinės perspektyvos",
    "Възможности за житейска и професионална реализация"
  ),
  "education-support": labels("Support in education", "Podpora ve vzdělávání", "Pagalba mokantis", "Подкрепа в образованието"),
  "independent-living": labels(
    "Preparation for independent living",
    "Příprava na samostatný život",
    "Pasirengimas savarankiškam gyvenimui",
    "Подготовка за самостоятелен живот"
  )
}

/**
 * The topics of the organisation's group activities. `care-staff-training` is a training for
 * the staff of specialised institutions: record it with `forExternalStaff: true` and audience
 * `staff`.
 *
 * @since 0.1.0
 * @category models
 */
export const activityTopics = {
  "group-training": labels(
    "Group training programme for children and young people",
    "Skupinový vzdělávací program pro děti a mladé lidi",
    "Grupinio mokymo programa vaikams ir jaunimui",
    "Групова програма за обучение на деца и младежи"
  ),
  "care-staff-training": labels(
    "Training for the staff of specialised institutions",
    "Vzdělávání pracovníků pobytových zařízení",
    "Mokymai globos įstaigų darbuotojams",
    "Обучение на персонала в специализираните институции"
  ),
  "career-guidance-workshop": labels(
    "Career guidance workshop",
    "Workshop kariérového poradenství",
    "Profesinio orientavimo dirbtuvės",
    "Работилница за кариерно ориентиране"
  ),
  "employer-meeting": labels(
    "Meeting with employers or a job fair",
    "Setkání se zaměstnavateli nebo veletrh práce",
    "Susitikimas su darbdaviais ar karjeros mugė",
    "Среща с работодатели или трудова борса"
  ),
  "volunteer-induction": labels(
    "Induction of volunteers and interns",
    "Zaškolení dobrovolníků a stážistů",
    "Savanorių ir praktikantų įvadas",
    "Въвеждащо обучение на доброволци и стажанти"
  )
}

/**
 * An activity topic code.
 *
 * @since 0.1.0
 * @category models
 */
export type ActivityTopic = keyof typeof activityTopics

/**
 * The care settings a person's situation may name (`person.situation.careSetting`):
 * institutional care, foster care, kinship care, or a young person who has left care.
 *
 * @since 0.1.0
 * @category models
 */
export const careSettings = {
  institutional: labels(
    "Institutional or residential care",
    "Ústavní nebo pobytová péče",
    "Institucinė globa",
    "Институционална или резидентна грижа"
  ),
  foster: labels("Foster care", "Pěstounská péče", "Globa šeimoje", "Приемна грижа"),
  kinship: labels("Kinship care", "Péče příbuzných", "Giminių globa", "Отглеждане в семейство на роднини"),
  "care-leaver": labels("Young person who has left care", "Mladý člověk po odchodu z péče", "Globą palikęs jaunuolis", "Младеж, напуснал грижа")
}

/**
 * A care setting code.
 *
 * @since 0.1.0
 * @category models
 */
export type CareSetting = keyof typeof careSettings
