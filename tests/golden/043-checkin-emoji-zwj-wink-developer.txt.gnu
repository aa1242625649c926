corpus/043-checkin-emoji-zwj-wink-developer.txt:3:57: warning: '👩‍💻' is an emoji or emoticon; remove it and say it in words ("I enjoyed our conversation"). [FollowUp.Emoji]
corpus/043-checkin-emoji-zwj-wink-developer.txt:3:151: warning: ';-)' is an emoji or emoticon; remove it and say it in words ("I enjoyed our conversation"). [FollowUp.Emoji]
# exit 0
