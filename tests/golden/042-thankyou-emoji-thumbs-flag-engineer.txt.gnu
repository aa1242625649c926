corpus/042-thankyou-emoji-thumbs-flag-engineer.txt:3:48: warning: '👍🏽' is an emoji or emoticon; remove it and say it in words ("I enjoyed our conversation"). [FollowUp.Emoji]
corpus/042-thankyou-emoji-thumbs-flag-engineer.txt:3:90: warning: '🇨🇦' is an emoji or emoticon; remove it and say it in words ("I enjoyed our conversation"). [FollowUp.Emoji]
# exit 0
